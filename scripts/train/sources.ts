// Training documents: the licence-clean pool (JSONL, one document per line) and the news we
// annotated ourselves (markup files, data/ner/). Each source's quirks are brought to the project's
// conventions here: no leading "the", no titles inside people's names, nationality words as NORP,
// countries as PLACE; the types a source does not annotate are left open (neither name nor not).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTitleModifier, isTitleWord, lookupNationality, lookupPlace } from '../../src/core/entities/lexicon.js';
import type { EntityType } from '../../src/core/entities/recognize.js';
import { parseMarkup } from '../ner-data/markup.js';

export interface GoldSpan {
  start: number;
  end: number;
  type: EntityType;
}

export interface TrainingDoc {
  id: string;
  source: string;
  text: string;
  spans: GoldSpan[];
  /** Types the source does not annotate: outside its spans, a name of these types is not an error. */
  open: EntityType[];
}

/**
 * The pool's files the shipped model learns from, with the types each leaves open and whether any
 * of it is share-alike (see THIRD_PARTY_NOTICES.md). SEC filings are left out: their PERSON is
 * mostly the defined terms "Borrower" and "Lender".
 */
export const POOL_SOURCES: Record<string, { file: string; open: EntityType[]; shareAlike: boolean }> = {
  wikigold: { file: 'wikigold.jsonl', open: [], shareAlike: false },
  btc: { file: 'btc.jsonl', open: ['NORP', 'MISC'], shareAlike: false },
  gum: { file: 'gum.jsonl', open: ['NORP'], shareAlike: true },
  're3d': { file: 're3d.jsonl', open: ['MISC'], shareAlike: true },
  'uner-ewt': { file: 'uner-ewt.jsonl', open: ['NORP', 'MISC'], shareAlike: true },
  redocred: { file: 'redocred.jsonl', open: [], shareAlike: true },
};

export function readPool(dir: string, names: readonly string[]): TrainingDoc[] {
  const docs: TrainingDoc[] = [];
  for (const name of names) {
    const source = POOL_SOURCES[name];
    if (!source) throw new Error(`unknown pool source "${name}" (known: ${Object.keys(POOL_SOURCES).join(', ')})`);
    const file = path.join(dir, source.file);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const raw = JSON.parse(line) as { id: string; text: string; spans: GoldSpan[] };
      const spans = raw.spans.map((s) => normalise(raw.text, { start: s.start, end: s.end, type: s.type }, name)).filter((s): s is GoldSpan => s !== null);
      docs.push({ id: raw.id, source: name, text: raw.text, spans, open: source.open });
    }
  }
  return docs;
}

/** Our own news: every markup file under dir, all five types annotated. */
export function readNews(dir: string): TrainingDoc[] {
  const docs: TrainingDoc[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const parsed = parseMarkup(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (parsed.problems.length) throw new Error(`${name}: ${parsed.problems[0]}`);
    docs.push({ id: name, source: path.basename(dir), text: parsed.text, spans: parsed.spans, open: [] });
  }
  return docs;
}

const TITLE_INSIDE = new Set(['btc', 're3d']);
const ARTICLE_INSIDE = new Set(['re3d', 'redocred']);

function normalise(text: string, s: GoldSpan, source: string): GoldSpan | null {
  let { start } = s;
  const { end } = s;
  let type = s.type;
  if (ARTICLE_INSIDE.has(source)) {
    const article = /^(the|The|THE)\s+/.exec(text.slice(start, end));
    if (article) start += article[0].length;
  }
  if (type === 'PERSON' && TITLE_INSIDE.has(source)) {
    // "President Obama", "Foreign Secretary Philip Hammond": the name starts after the title words.
    for (;;) {
      const m = /^(\S+)\s+/.exec(text.slice(start, end));
      if (!m || !(isTitleWord(m[1].replace(/\.$/, '')) || isTitleWord(m[1]) || isTitleModifier(m[1]) || /^(for|of|the|to)$/.test(m[1]))) break;
      start += m[0].length;
    }
  }
  const name = text.slice(start, end);
  if (!name || text.charAt(start) === '@' || text.charAt(start) === '#') return null;
  // Nationality words that sources type MISC (CoNLL) or LOC (Re-DocRED), religions typed ORG.
  if (type !== 'NORP' && type !== 'PERSON' && !/\s/.test(name) && lookupNationality(name)) type = 'NORP';
  // Countries acting as states or teams are typed ORG by some sources: a country is a PLACE here.
  else if (type === 'ORG' && lookupPlace(name)?.kind === 'country') type = 'PLACE';
  return { start, end, type };
}
