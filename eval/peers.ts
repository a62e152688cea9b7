// Peer baselines, scored the same way as the recogniser when the package is installed:
// - compromise (names): people → PERSON, organizations → ORG, places → PLACE.
// - chrono-node (timex spans; values only for a full date, see chronoValueEquals).
// Both are loaded with a dynamic import, so the harness runs without them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NameMention, TimexMention } from './datasets.js';
import type { ValueEquals } from './metrics.js';

export interface NamePeer {
  name: string;
  version: string;
  names(text: string, doc: string): NameMention[];
}

export interface TimexPeer {
  name: string;
  version: string;
  timex(text: string, doc: string, dct: string | null): TimexMention[];
  /** How a peer value is compared to a gold value (see chronoValueEquals). */
  valueEquals: ValueEquals;
}

function versionOf(pkg: string, root: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------- compromise

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

interface CompromiseView {
  json(options: { offset: boolean; terms: boolean }): CompromiseMatch[];
}

interface CompromiseDoc {
  people(): CompromiseView;
  organizations(): CompromiseView;
  places(): CompromiseView;
}

/** Words whose final period belongs to them ("Inc.", "U.S.", "J."). */
const KEEPS_PERIOD = /(?:^|[\s(])(?:(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]|Inc|Corp|Co|Ltd|Jr|Sr|St|Bros|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Mt|Ft)\.$/;

/** compromise's spans carry the punctuation around a match ("France." "(Apple"); trim it. */
export function trimPeerSpan(text: string, start: number, end: number): { start: number; end: number } {
  const lead = /[\s"'“”‘’(\[{«,;:]/;
  const trail = /[\s"'“”‘’)\]}»,;:!?]/;
  for (;;) {
    if (start < end && lead.test(text[start])) start++;
    else if (end > start && trail.test(text[end - 1])) end--;
    else if (end > start && text[end - 1] === '.' && !KEEPS_PERIOD.test(text.slice(Math.max(start, end - 12), end))) end--;
    else if (end - start > 2 && /['’]s$/.test(text.slice(start, end))) end -= 2; // possessive: "Boeing's" → "Boeing"
    else break;
  }
  return { start, end };
}

export async function loadCompromise(root: string): Promise<NamePeer | null> {
  let nlp: (text: string) => CompromiseDoc;
  try {
    const mod = (await import('compromise')) as unknown as { default: (text: string) => CompromiseDoc };
    nlp = mod.default;
  } catch {
    return null;
  }
  return {
    name: 'compromise',
    version: versionOf('compromise', root),
    names(text, doc) {
      const parsed = nlp(text);
      const out: NameMention[] = [];
      const views: Array<[string, CompromiseView]> = [['PERSON', parsed.people()], ['ORG', parsed.organizations()], ['PLACE', parsed.places()]];
      for (const [type, view] of views) {
        for (const m of view.json({ offset: true, terms: false })) {
          const span = trimPeerSpan(text, m.offset.start, m.offset.start + m.offset.length);
          if (span.end > span.start) out.push({ doc, ...span, type, text: text.slice(span.start, span.end), entity: null });
        }
      }
      return out.sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}

// ---------------------------------------------------------------- chrono-node

type ChronoComponent = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute';

interface ChronoResult {
  index: number;
  text: string;
  start: { isCertain(c: ChronoComponent): boolean; get(c: ChronoComponent): number | null };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * chrono's value for a result, only when it names a full date: the day is known (a day of the
 * month, or a weekday, or a relative day like "yesterday"), resolved against the DCT. Then
 * YYYY-MM-DD, with THH:MM when the hour is known. Otherwise null (span only).
 */
export function chronoValue(r: ChronoResult): string | null {
  const s = r.start;
  if (!(s.isCertain('day') || s.isCertain('weekday'))) return null;
  const y = s.get('year');
  const m = s.get('month');
  const d = s.get('day');
  if (y === null || m === null || d === null) return null;
  let value = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (s.isCertain('hour')) value += `T${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`;
  return value;
}

/**
 * A peer date against a gold TIMEX3 value at the precision gold has: a gold YYYY, YYYY-MM,
 * YYYY-MM-DD or YYYY-MM-DDTHH:MM value matches when the peer value starts with it. Gold values
 * of other shapes (durations, weeks, seasons, PRESENT_REF, XXXX…) never match a peer date.
 */
export const chronoValueEquals: ValueEquals = (gold, sys) => {
  if (gold === null || sys === null) return false;
  if (!/^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?$/.test(gold)) return false;
  return sys.startsWith(gold);
};

export async function loadChrono(root: string): Promise<TimexPeer | null> {
  let parse: (text: string, ref?: Date) => ChronoResult[];
  try {
    const mod = (await import('chrono-node')) as unknown as { parse?: typeof parse; default?: { parse: typeof parse } };
    const fn = mod.parse ?? mod.default?.parse;
    if (!fn) return null;
    parse = fn;
  } catch {
    return null;
  }
  return {
    name: 'chrono-node',
    version: versionOf('chrono-node', root),
    timex(text, doc, dct) {
      const ref = dct ? new Date(`${dct}T12:00:00`) : undefined;
      return parse(text, ref).map((r) => ({
        doc,
        start: r.index,
        end: r.index + r.text.length,
        text: r.text,
        type: r.start.isCertain('hour') ? 'TIME' : 'DATE',
        value: chronoValue(r),
      }));
    },
    valueEquals: chronoValueEquals,
  };
}
