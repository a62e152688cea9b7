// Inline name markup for hand annotation: "{PERSON Barack Obama} met {ORG Google}". The markup
// file is the source of truth for the news we annotate ourselves; removing the markup must give
// the article's text back exactly, which `parseMarkup` checks.
export const MARKUP_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'] as const;
export type MarkupType = (typeof MARKUP_TYPES)[number];

export interface MarkupSpan {
  start: number;
  end: number;
  type: MarkupType;
}

export interface ParsedMarkup {
  text: string;
  spans: MarkupSpan[];
  problems: string[];
}

const OPEN = /\{(PERSON|ORG|PLACE|NORP|MISC) /y;

/** The text without markup, its spans (UTF-16 offsets, end exclusive) and what is malformed. */
export function parseMarkup(markup: string): ParsedMarkup {
  let text = '';
  const spans: MarkupSpan[] = [];
  const problems: string[] = [];
  let open: { start: number; type: MarkupType; at: number } | null = null;
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i];
    if (c === '{') {
      OPEN.lastIndex = i;
      const m = OPEN.exec(markup);
      if (!m) problems.push(`${where(markup, i)}: "{" not followed by a type and a space`);
      else if (open) problems.push(`${where(markup, i)}: a name opened inside another (${where(markup, open.at)})`);
      else {
        open = { start: text.length, type: m[1] as MarkupType, at: i };
        i += m[0].length - 1;
        continue;
      }
    } else if (c === '}') {
      if (!open) problems.push(`${where(markup, i)}: "}" without "{"`);
      else {
        const span = { start: open.start, end: text.length, type: open.type };
        const inner = text.slice(span.start, span.end);
        if (inner.length === 0 || inner.trim() !== inner) problems.push(`${where(markup, open.at)}: name "${inner}" is empty or starts or ends with a space`);
        else if (inner.includes('\n')) problems.push(`${where(markup, open.at)}: name "${inner}" runs over a line end`);
        else spans.push(span);
        open = null;
        continue;
      }
    }
    text += c;
  }
  if (open) problems.push(`${where(markup, open.at)}: "{" never closed`);
  return { text, spans, problems };
}

/** Writes spans into text as markup. Spans must be sorted and must not overlap. */
export function writeMarkup(text: string, spans: readonly MarkupSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + `{${s.type} ` + text.slice(s.start, s.end) + '}';
    at = s.end;
  }
  return out + text.slice(at);
}

function where(markup: string, i: number): string {
  const before = markup.slice(0, i);
  const line = before.split('\n').length;
  return `line ${line}, column ${i - before.lastIndexOf('\n')}`;
}
