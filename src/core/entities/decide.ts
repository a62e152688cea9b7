// The model decides spans and types; what the rules knew of the same name (its lexicon name, the
// country of a nationality word, an acronym's expansion) stays with it, and the lexicon names the
// spans the rules did not find. One rule still wins over the model: a name the curated lexicon
// lists as an organisation, named thing, nationality word or place of several words ("Afghan
// Taliban", "Daesh-KP", "Durand Line") is what the lexicon says, since no training text taught
// the model those.
import { isGivenName, lookupAlias, lookupNationality, lookupPlace } from './lexicon.js';
import type { NameModel } from './model/index.js';
import { TYPES } from './model/labels.js';
import { reviewableNearNames } from './model/nearNames.js';
import { tagNames } from './model/tagger.js';
import type { PossibleName } from './possibleNames.js';
import { hasSpace, type EntityMention, type EntityType } from './recognize.js';
import type { Tokenized } from './tokenize.js';

const NO_ROLES: never[] = Object.freeze([]) as never[];

/** `possible`, when given, receives the spans the model nearly read as names where no name stands (the Review view offers them). */
export function decideByModel(text: string, tokenized: Tokenized, rules: readonly EntityMention[], model: NameModel, possible?: PossibleName[]): EntityMention[] {
  const { tokens } = tokenized;
  const tagging = tagNames(tokenized, rules, model);
  const { names } = tagging;
  const ruleAt = new Map<number, EntityMention>();
  for (const m of rules) ruleAt.set(m.start, m);
  const out: EntityMention[] = [];
  for (const n of names) {
    // "the Intelligence Department": a lower-case article never opens a name.
    if (n.last - n.first > 1 && tokens[n.first].text === 'the') n.first++;
    const start = tokens[n.first].start;
    const end = tokens[n.last - 1].end;
    const type = TYPES[n.type];
    const rule = ruleAt.get(start);
    const owned = rule && rule.end < end ? possessedBy(text, rule, end, ruleAt) : undefined;
    if (rule && owned) {
      out.push({ ...rule }, n.type === TYPES.indexOf(owned.type) ? { ...owned, confidence: n.confidence } : { ...owned });
      continue;
    }
    // "Minister of Defense": the portfolio is part of a title, not an organisation ("Secretary of
    // the Security Council" names one).
    if (type === 'ORG' && PORTFOLIO_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    const same = rule && rule.end === end;
    const name = same ? rule.text : spaced(text.slice(start, end));
    const m: EntityMention = { start, end, text: name, type, roles: NO_ROLES, sentence: tokens[n.first].sentence, confidence: n.confidence };
    if (same && rule.type === type) {
      if (rule.canonical !== undefined) m.canonical = rule.canonical;
      if (rule.country !== undefined) m.country = rule.country;
      if (rule.expansion) m.expansion = rule.expansion;
    } else {
      const known = lexiconName(name, type);
      if (known) Object.assign(m, known);
    }
    out.push(m);
  }
  const decided = withLexiconNames(consistent(withoutUnknownTitles(text, out)), rules);
  if (possible) possible.push(...reviewableNearNames(tokens, tagging, model, decided));
  return decided;
}

/**
 * "Russia’s Foreign Ministry": where the rules read a name, a possessive and a name to the end of
 * the model's span, they are two names (no name holds a possessive); the second, or undefined.
 */
function possessedBy(text: string, owner: EntityMention, end: number, ruleAt: Map<number, EntityMention>): EntityMention | undefined {
  const mark = /^['’]s\s+/.exec(text.slice(owner.end, owner.end + 8));
  if (!mark) return undefined;
  const owned = ruleAt.get(owner.end + mark[0].length);
  return owned && owned.end === end ? owned : undefined;
}

/**
 * "the Russian Amabassador Dmitry Zhirnov": a word before a full name the document gives elsewhere
 * is a title, misspelt or unusual, not part of the name (unless it is a given name or an initial).
 */
function withoutUnknownTitles(text: string, mentions: EntityMention[]): EntityMention[] {
  const fullNames = new Set<string>();
  for (const m of mentions) if (m.type === 'PERSON' && hasSpace(m.text)) fullNames.add(m.text);
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const space = m.text.indexOf(' ');
    if (space < 0) continue;
    const rest = m.text.slice(space + 1);
    const first = m.text.slice(0, space);
    // An initial ("W. Mark Felt") or a given name opens the name; an unknown word before it is a title.
    if (!hasSpace(rest) || !fullNames.has(rest) || isGivenName(first) || first.length <= 2 || first.endsWith('.')) continue;
    const cut = text.indexOf(rest, m.start);
    if (cut < 0 || cut >= m.end) continue;
    m.start = cut;
    m.text = rest;
  }
  return mentions;
}

const PORTFOLIO_BEFORE = /\b(?:Minister|Ministers|Secretary|Secretaries)\s+of\s+$/;

/** "Brenncastle Freight Inc." then "Brenncastle Freight": one firm, whatever the suffix. */
const FIRM_SUFFIX = /,?\s+(?:Inc|Co|Corp|Ltd|LLC|plc|PLC|AG|SA|NV|GmbH)\.?$/;

/** The name without a firm's suffix: "Brenncastle Freight Inc." → "Brenncastle Freight". */
function keyOf(m: EntityMention): string {
  // The suffixes end in one of these (or a full stop): most names need no regular expression.
  return FIRM_SUFFIX_ENDS.includes(m.text[m.text.length - 1]) ? m.text.replace(FIRM_SUFFIX, '') : m.text;
}

const FIRM_SUFFIX_ENDS = '.copdCGAVH';

/**
 * One document, one reading: the mentions of one name written the same way (a firm's suffix aside)
 * take the type their readings give it together, weighed by confidence.
 */
function consistent(mentions: EntityMention[]): EntityMention[] {
  // Most names are read one way wherever they stand: only those read two ways are weighed.
  const keys = mentions.map(keyOf);
  const typeOf = new Map<string, EntityType | null>();
  let mixed = false;
  for (let i = 0; i < mentions.length; i++) {
    const seen = typeOf.get(keys[i]);
    if (seen === undefined) typeOf.set(keys[i], mentions[i].type);
    else if (seen !== null && seen !== mentions[i].type) {
      typeOf.set(keys[i], null);
      mixed = true;
    }
  }
  if (!mixed) return mentions;
  const votes = new Map<string, Map<EntityType, number>>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const key = keys[i];
    if (typeOf.get(key) !== null) continue;
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Map()));
    // A firm's suffix says what the name is: that reading counts thrice.
    const weight = (m.confidence ?? 1) * (FIRM_SUFFIX.test(m.text) ? 3 : 1);
    v.set(m.type, (v.get(m.type) ?? 0) + weight);
  }
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const v = votes.get(keys[i]);
    if (v === undefined) continue;
    let best = m.type;
    let total = 0;
    for (const [type, weight] of v) {
      total += weight;
      if (weight > v.get(best)!) best = type;
    }
    if (best !== m.type) {
      m.type = best;
      // How sure the document's readings together are of the type they give it.
      if (m.confidence !== undefined) m.confidence = v.get(best)! / total;
      delete m.canonical;
      delete m.country;
      Object.assign(m, lexiconName(m.text, best) ?? {});
    }
  }
  return mentions;
}

/**
 * The curated lexicon's names win over the model's that overlap them. Within the span of a model's
 * name dropped so ("Russian Foreign Minister Sergei Lavrov" over the nationality word "Russian"),
 * the rules' people stand ("Sergei Lavrov"): they know titles, which the model was not taught.
 */
function withLexiconNames(model: EntityMention[], rules: readonly EntityMention[]): EntityMention[] {
  const listed = rules.filter((r) => (r.type !== 'PLACE' || r.text.includes(' ')) && r.type !== 'PERSON' && lexiconName(r.text, r.type) !== undefined);
  if (listed.length === 0) return model;
  // All three come sorted by start: one walk each.
  const kept: EntityMention[] = [];
  let j = 0;
  let r = 0;
  for (const m of model) {
    while (j < listed.length && listed[j].end <= m.start) j++;
    if (j < listed.length && listed[j].start < m.end) {
      while (r < rules.length && rules[r].start < m.start) r++;
      for (; r < rules.length && rules[r].start < m.end; r++) if (rules[r].end <= m.end && rules[r].type === 'PERSON') kept.push({ ...rules[r] });
      continue;
    }
    kept.push(m);
  }
  return [...kept, ...listed].sort((a, b) => a.start - b.start);
}

/** What the lexicon names a span of this type: its canonical name, and a nationality's country. */
function lexiconName(name: string, type: EntityType): Pick<EntityMention, 'canonical' | 'country'> | undefined {
  if (type === 'PLACE') {
    const p = lookupPlace(name);
    return p && { canonical: p.canonical };
  }
  if (type === 'NORP') {
    const n = lookupNationality(name);
    return n && (n.country ? { canonical: n.canonical, country: n.country } : { canonical: n.canonical });
  }
  const a = lookupAlias(name);
  return a && a.type === type ? { canonical: a.canonical } : undefined;
}

/** Runs of white space as one space: a name split over a line break reads as one line. */
function spaced(s: string): string {
  return /\s\s|[\t\n\r]/.test(s) ? s.replace(/\s+/g, ' ') : s;
}
