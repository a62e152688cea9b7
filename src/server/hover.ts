// Hover cards as markdown. Every piece of document text goes through escapeMarkdown; the only
// links are to documents of the corpus (file URIs with a line), never commands.
import { COOCCURRENCE_DOCUMENTS, HOVER_EVENTS, type DateHover, type EventSources, type HoverInfo, type NameWhy } from '../core/index.js';
import type { Hover } from 'vscode-languageserver';
import type { DocumentText } from './diskDocument.js';

/** Where a mention stands, for links: the document's URI with `#L<line>,<column>` (1-based). */
export type MentionLink = (at: { path: string; start: number }) => string;

const TYPE_WORDS = { PERSON: 'person', ORG: 'organisation', PLACE: 'place', NORP: 'nationality or group', MISC: 'named thing' } as const;

export function hoverMarkdown(info: HoverInfo, linkTo: MentionLink): string {
  if (info.kind === 'footnote-marker') {
    const heading = `**Footnote [${info.label}]**`;
    if (info.definitions.length === 0) return `${heading}\n\n*No definition in the notes.*`;
    const texts = info.definitions.map((d) => (d.text ? escapeMarkdown(d.text) : '*(empty definition)*'));
    if (texts.length === 1) return `${heading}\n\n${texts[0]}`;
    return `${heading} *(defined ${texts.length} times)*\n\n${texts.map((t, i) => `${i + 1}. ${t}`).join('\n')}`;
  }
  if (info.kind === 'footnote-definition') {
    const cited = info.citations === 0 ? 'never cited in the text' : info.citations === 1 ? 'cited once in the text' : `cited ${info.citations} times in the text`;
    return `**Footnote [${info.label}]** · ${cited}`;
  }
  if (info.kind === 'date') return dateMarkdown(info, linkTo) + (info.documentOnly ? DOCUMENT_ONLY[info.documentOnly] : '');
  const { entity } = info;
  const parts: string[] = [`**${escapeMarkdown(entity.name)}** · ${TYPE_WORDS[entity.type]}`];
  if (entity.description) parts.push(escapeMarkdown(entity.description));
  if (info.country) parts.push(`Of ${escapeMarkdown(info.country.name)}`);
  else if (entity.country) parts.push(`Of ${escapeMarkdown(entity.country)}`);
  if (info.roles.length) {
    parts.push(info.roles.slice(0, 6).map((r) => `- *${escapeMarkdown(r.text)}* — ${documentLink(r.path, linkTo(r))}`).join('\n'));
  }
  if (entity.spellings && entity.spellings.length > 1) {
    parts.push(`Spelled ${entity.spellings.map((s) => `“${escapeMarkdown(s.text)}” (${s.count})`).join(', ')}`);
  }
  if (entity.aliases.length) parts.push(`Also: ${entity.aliases.slice(0, 8).map(escapeMarkdown).join(', ')}`);
  parts.push(whyMarkdown(info.why, TYPE_WORDS[info.mention.type]));
  const n = info.mentionCount;
  const d = info.documentCount;
  const docs = info.firstMentions.slice(0, 10).map((m) => documentLink(m.path, linkTo(m))).join(' · ');
  parts.push(`${n} mention${n === 1 ? '' : 's'} in ${d} document${d === 1 ? '' : 's'}: ${docs}${d > 10 ? ' …' : ''}`);
  if (info.events.length) {
    const shown = info.events.slice(0, HOVER_EVENTS).map((e, i) => `- ${e.date ?? 'undated'} · ${escapeMarkdown(e.title)} (${sourcesMarkdown(e.mentions, info.sources[i], linkTo)})`);
    parts.push(`Events:\n${shown.join('\n')}${info.events.length > HOVER_EVENTS ? `\n- … ${info.events.length - HOVER_EVENTS} more` : ''}`);
  }
  if (info.cooccurring.length) {
    const counted = info.documentCount > COOCCURRENCE_DOCUMENTS ? ` (counted in its first ${COOCCURRENCE_DOCUMENTS} documents)` : '';
    parts.push(`Appears most with${counted}: ${info.cooccurring.map((c) => `${escapeMarkdown(c.entity.name)} (${c.count})`).join(', ')}`);
  }
  return parts.join('\n\n') + (info.documentOnly ? DOCUMENT_ONLY[info.documentOnly] : '');
}

/** "Why a place here: after *in*; a place the lexicon knows (model, 97% sure)". */
function whyMarkdown(why: NameWhy, type: string): string {
  const a = /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
  if (why.by === 'user') return `*${a[0].toUpperCase()}${a.slice(1)} here by your annotation.*`;
  if (why.by === 'rules') return `*${a[0].toUpperCase()}${a.slice(1)} here by the rules.*`;
  const sure = `${Math.round(why.confidence * 100)}% sure`;
  // Counted: the decisions that typed names so; none when decisions of other types moved it here.
  const learned = why.learned === undefined ? [] : [why.learned === 0 ? 'learned here from decisions of other types' : `learned here from ${why.learned} decision${why.learned === 1 ? '' : 's'}`];
  if (why.reasons.length === 0 && learned.length === 0) return `*${a[0].toUpperCase()}${a.slice(1)} here: the model is ${sure}.*`;
  const reasons = [...learned, ...why.reasons.map((r) => (r.word === undefined ? r.say : `${r.say} *${escapeMarkdown(r.word)}*`))];
  return `Why ${a} here: ${reasons.join('; ')} *(model, ${sure})*`;
}

const DOCUMENT_ONLY = {
  indexing: '\n\n*From this document only: the corpus is being indexed.*',
  linking: '\n\n*From this passage only: the document is being linked with the corpus.*',
} as const;

/** "3 documents, first in [a.txt](…), 2024-03-05", "1 document, [a.txt](…)": who tells it, and who first. */
function sourcesMarkdown(mentions: ReadonlyArray<{ path: string; start: number }>, { documents, first }: EventSources, linkTo: MentionLink): string {
  const at = mentions.find((m) => m.path === first.path);
  const link = at ? documentLink(first.path, linkTo(at)) : '';
  if (documents === 1) return `1 document${link ? `, ${link}` : ''}`;
  return `${documents} documents, first in ${link}${first.date ? `, ${first.date}` : ''}`;
}

function documentLink(path: string, target: string): string {
  const name = decodeURIComponent(path.split('/').pop() ?? path);
  return `[${escapeMarkdown(name)}](${target})`;
}

const DCT_SOURCE_WORDS = { metadata: 'corpus.json', header: 'its dateline', filename: 'its file name' } as const;
const TIMEX_TYPE_WORDS = { DATE: 'date', TIME: 'time', DURATION: 'duration', SET: 'recurring time' } as const;
const MOD_WORDS = { START: 'early', MID: 'middle', END: 'late' } as const;

/** "**2024-03-22** (Friday) · date", how it was resolved, and what else happened then. */
function dateMarkdown(info: DateHover, linkTo: MentionLink): string {
  const t = info.timex;
  const parts = [`**${escapeMarkdown(t.value)}**${info.weekday ? ` (${info.weekday})` : ''} · ${TIMEX_TYPE_WORDS[t.type]}${t.mod ? `, ${MOD_WORDS[t.mod]} part` : ''}`];
  const source = t.resolution.anchor === 'dct' && info.dctSource ? `, taken from ${DCT_SOURCE_WORDS[info.dctSource]}` : '';
  parts.push(escapeMarkdown(`${t.resolution.reason}${source}`));
  if (info.events.length) {
    parts.push(`Events then:\n${info.events.slice(0, HOVER_EVENTS).map((e, i) => `- ${e.date} · ${escapeMarkdown(e.title)} (${sourcesMarkdown(e.mentions, info.sources[i], linkTo)})`).join('\n')}`);
  }
  if (info.documents.length) {
    const docs = info.documents.slice(0, 8).map((d) => documentLink(d.path, linkTo({ path: d.path, start: d.timex.start })));
    parts.push(`Also in: ${docs.join(' · ')}${info.documents.length > 8 ? ' …' : ''}`);
  }
  return parts.join('\n\n');
}

/** The LSP hover: the card as Markdown over the span it describes, with links to documents at a line. */
export function toHover(doc: DocumentText, info: HoverInfo, textDocument: (uri: string) => DocumentText | undefined): Hover {
  const linkTo = (m: { path: string; start: number }) => {
    const target = textDocument(m.path);
    const p = target ? target.positionAt(m.start) : { line: 0, character: 0 };
    return `${m.path}#L${p.line + 1},${p.character + 1}`;
  };
  // A card's span is never empty: no file-level range to place (see toRange).
  return { contents: { kind: 'markdown', value: hoverMarkdown(info, linkTo) }, range: { start: doc.positionAt(info.span.start), end: doc.positionAt(info.span.end) } };
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:"']/g;

/** Document text is data, never markup: escaped before it goes into a card. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&').replace(/\r?\n/g, '  \n');
}
