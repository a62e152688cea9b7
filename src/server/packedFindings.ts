// Findings (entity mentions, dates, event mentions, possible names) as a worker thread sends them to the main thread:
// one Float64Array of numbers, transferred (not copied), and a table of the distinct strings. The
// open-document worker sends each passage's this way, the indexing workers each whole document
// (packedDocument.ts). Posted as objects, a 10 MB document's 350,000 findings came through the
// structured clone with a string of their own for every name, type and kind, straight into the main
// thread's young generation, where they survived and were copied by the scavenger (the longest
// pauses of a hover on another document meanwhile: issue #14); and 10,000 indexed documents needed a
// walk over every object received to share their strings again. Made here by plain code, they are
// fewer objects and fewer bytes: a string per distinct name of the message (shared across messages
// by `shareStrings`), empty lists shared, a mention's usual fields in the object itself. What goes in
// comes out equal (test/server/packedFindings.test.ts), and a mention an event names is the same
// object as in the passage's list, as the clone kept it.
import type { EntityMention, EventMention, PassageAnalysis, PossibleName, Span, Timex } from '../core/index.js';

export type Findings = Pick<PassageAnalysis, 'entities' | 'timex' | 'events' | 'possibleNames'>;

export interface PackedFindings {
  numbers: Float64Array<ArrayBuffer>;
  strings: string[];
}

// Optional fields of a mention, one bit each.
const CANONICAL = 1;
const COUNTRY = 2;
const EXPANSION = 4;
const CONFIDENCE = 8;
/**
 * Empty lists, one for all (most mentions have no roles, most events no patient): saves the main
 * thread a third of the objects. Frozen: nothing changes a finding once made.
 */
const NO_ROLES = Object.freeze([]) as unknown as EntityMention['roles'];
const NO_MENTIONS = Object.freeze([]) as unknown as EntityMention[];
/** In place of a table index: no object (a null place or date), or one not seen before (its fields follow). */
const NONE = -2;
const NEW = -1;

export function packFindings(findings: Findings): PackedFindings {
  const w = new Writer();
  writeFindings(w, findings);
  return w.done();
}

export function unpackFindings({ numbers, strings }: PackedFindings): Findings {
  return readFindings(new Reader(numbers, strings));
}

/** The findings into a writer, after or before other things (packedDocument.ts: a whole document). */
export function writeFindings(w: Writer, { entities, timex, events, possibleNames }: Findings): void {
  const mentions = new Map<EntityMention, number>();
  const mention = (m: EntityMention) => {
    const k = mentions.get(m);
    if (k !== undefined) return w.number(k);
    mentions.set(m, mentions.size);
    w.number(NEW);
    writeMention(w, m);
  };
  w.number(entities.length);
  for (const m of entities) mention(m);
  w.number(timex.length);
  for (const t of timex) {
    w.number(t.start).number(t.end).string(t.text).string(t.type).string(t.value).optionalString(t.mod);
    w.string(t.resolution.anchor).optionalString(t.resolution.anchorValue).string(t.resolution.reason);
  }
  const sentences = new Map<Span, number>();
  const dates = new Map<NonNullable<EventMention['date']>, number>();
  const list = (ms: EntityMention[]) => {
    w.number(ms.length);
    for (const m of ms) mention(m);
  };
  w.number(events.length);
  for (const e of events) {
    w.number(e.start).number(e.end).string(e.kind).string(e.trigger).string(e.lemma);
    shared(w, sentences, e.sentence, (s) => w.number(s.start).number(s.end));
    w.number(e.sentenceIndex).number(e.line).number(e.happening);
    list(e.agent);
    list(e.patient);
    list(e.participants);
    if (e.place) mention(e.place);
    else w.number(NONE);
    if (e.date) shared(w, dates, e.date, (d) => w.number(d.start).number(d.end).string(d.value));
    else w.number(NONE);
    w.string(e.modality);
  }
  w.number(possibleNames.length);
  for (const n of possibleNames) w.number(n.start).number(n.end).string(n.type).number(n.confidence);
}

export function readFindings(r: Reader): Findings {
  const mentions: EntityMention[] = [];
  const mentionAt = (k: number): EntityMention => {
    if (k !== NEW) return mentions[k];
    const m = readMention(r);
    mentions.push(m);
    return m;
  };
  const mention = () => mentionAt(r.number());
  const entities = new Array<EntityMention>(r.number());
  for (let i = 0; i < entities.length; i++) entities[i] = mention();
  const timex = new Array<Timex>(r.number());
  for (let i = 0; i < timex.length; i++) timex[i] = readTimex(r);
  const sentences: Span[] = [];
  const dates: Array<NonNullable<EventMention['date']>> = [];
  const list = () => {
    const n = r.number();
    if (n === 0) return NO_MENTIONS;
    const out = new Array<EntityMention>(n);
    for (let i = 0; i < n; i++) out[i] = mention();
    return out;
  };
  const events = new Array<EventMention>(r.number());
  for (let i = 0; i < events.length; i++) {
    const start = r.number(), end = r.number(), kind = r.string() as EventMention['kind'], trigger = r.string(), lemma = r.string();
    const sentence = readShared(r, sentences, () => ({ start: r.number(), end: r.number() }))!;
    const sentenceIndex = r.number(), line = r.number(), happening = r.number();
    const agent = list(), patient = list(), participants = list();
    const placeAt = r.number();
    const place = placeAt === NONE ? null : mentionAt(placeAt);
    const date = readShared(r, dates, () => ({ start: r.number(), end: r.number(), value: r.string() }));
    events[i] = {
      start, end, kind, trigger, lemma, sentence, sentenceIndex, line, happening, agent, patient, participants, place, date,
      modality: r.string() as EventMention['modality'],
    };
  }
  const possibleNames = new Array<PossibleName>(r.number());
  for (let i = 0; i < possibleNames.length; i++) possibleNames[i] = { start: r.number(), end: r.number(), type: r.string() as PossibleName['type'], confidence: r.number() };
  return { entities, timex, events, possibleNames };
}

function writeMention(w: Writer, m: EntityMention): void {
  w.number(m.start).number(m.end).string(m.text).string(m.type).number(m.roles.length);
  for (const role of m.roles) w.number(role.start).number(role.end).string(role.text);
  w.number(m.sentence);
  const flags = (m.canonical !== undefined ? CANONICAL : 0) | (m.country !== undefined ? COUNTRY : 0) |
    (m.expansion !== undefined ? EXPANSION : 0) | (m.confidence !== undefined ? CONFIDENCE : 0);
  w.number(flags);
  if (m.canonical !== undefined) w.string(m.canonical);
  if (m.country !== undefined) w.string(m.country);
  if (m.expansion !== undefined) w.number(m.expansion.start).number(m.expansion.end);
  if (m.confidence !== undefined) w.number(m.confidence);
}

function readMention(r: Reader): EntityMention {
  const start = r.number(), end = r.number(), text = r.string(), type = r.string() as EntityMention['type'];
  const n = r.number();
  let roles = NO_ROLES;
  if (n > 0) {
    roles = new Array<EntityMention['roles'][number]>(n);
    for (let i = 0; i < n; i++) roles[i] = { start: r.number(), end: r.number(), text: r.string() };
  }
  const sentence = r.number();
  const flags = r.number();
  // The usual sets of fields in one literal each: the fields in the object, not in a second array.
  switch (flags) {
    case 0: return { start, end, text, type, roles, sentence };
    case CONFIDENCE: return { start, end, text, type, roles, sentence, confidence: r.number() };
    case CANONICAL: return { start, end, text, type, roles, sentence, canonical: r.string() };
    case CANONICAL | CONFIDENCE: return { start, end, text, type, roles, sentence, canonical: r.string(), confidence: r.number() };
    case CANONICAL | COUNTRY: return { start, end, text, type, roles, sentence, canonical: r.string(), country: r.string() };
  }
  const m: EntityMention = { start, end, text, type, roles, sentence };
  if (flags & CANONICAL) m.canonical = r.string();
  if (flags & COUNTRY) m.country = r.string();
  if (flags & EXPANSION) m.expansion = { start: r.number(), end: r.number() };
  if (flags & CONFIDENCE) m.confidence = r.number();
  return m;
}

function readTimex(r: Reader): Timex {
  const start = r.number(), end = r.number(), text = r.string(), type = r.string() as Timex['type'], value = r.string();
  const mod = r.optionalString() as Timex['mod'];
  const anchor = r.string() as Timex['resolution']['anchor'], anchorValue = r.optionalString(), reason = r.string();
  const resolution: Timex['resolution'] = anchorValue === undefined ? { anchor, reason } : { anchor, anchorValue, reason };
  const t: Timex = { start, end, text, type, value, resolution };
  if (mod !== undefined) t.mod = mod;
  return t;
}

/** An object several findings may share (a sentence, a date): its fields the first time, its index after. */
function shared<T>(w: Writer, seen: Map<T, number>, x: T, write: (x: T) => void): void {
  const k = seen.get(x);
  if (k !== undefined) return void w.number(k);
  seen.set(x, seen.size);
  w.number(NEW);
  write(x);
}

function readShared<T>(r: Reader, seen: T[], read: () => T): T | null {
  const k = r.number();
  if (k === NONE) return null;
  if (k !== NEW) return seen[k];
  const x = read();
  seen.push(x);
  return x;
}

/** Strings up to this length are shared across messages (names, types, dates); longer ones rarely repeat. */
const SHARED_MAX_LENGTH = 64;

/**
 * Replaces each short string of a received table by the copy an earlier message brought: each
 * message's table comes with copies of its own ('PERSON' once per document), which at 10,000
 * documents would cost about 150 MB. One lookup per distinct string of the message.
 */
export function shareStrings(strings: string[], seen: Map<string, string>): void {
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    if (s.length > SHARED_MAX_LENGTH) continue;
    const kept = seen.get(s);
    if (kept === undefined) seen.set(s, s);
    else strings[i] = kept;
  }
}

export class Writer {
  private numbers = new Float64Array(1024);
  private length = 0;
  private readonly strings = new Map<string, number>();

  number(x: number): this {
    if (this.length === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length++] = x;
    return this;
  }

  string(s: string): this {
    let k = this.strings.get(s);
    if (k === undefined) this.strings.set(s, (k = this.strings.size));
    return this.number(k);
  }

  optionalString(s: string | undefined): this {
    return s === undefined ? this.number(-1) : this.string(s);
  }

  nullableString(s: string | null): this {
    return s === null ? this.number(-1) : this.string(s);
  }

  done(): PackedFindings {
    return { numbers: this.numbers.slice(0, this.length), strings: [...this.strings.keys()] };
  }
}

export class Reader {
  private at = 0;
  constructor(private readonly numbers: Float64Array, private readonly strings: string[]) {}

  number(): number {
    return this.numbers[this.at++];
  }

  string(): string {
    return this.strings[this.numbers[this.at++]];
  }

  optionalString(): string | undefined {
    const k = this.numbers[this.at++];
    return k === -1 ? undefined : this.strings[k];
  }

  nullableString(): string | null {
    const k = this.numbers[this.at++];
    return k === -1 ? null : this.strings[k];
  }
}
