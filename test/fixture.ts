// Fixture text with markers instead of hand-computed offsets:
//   ⟦…⟧ wraps a span the test expects (a footnote marker, a definition, a result);
//   $0 is the cursor.
// The markers are removed; the spans and cursor are given as offsets into the clean text.

export interface Fixture {
  text: string;
  spans: Array<{ start: number; end: number; text: string }>;
  cursor: number | null;
}

export function parseFixture(marked: string): Fixture {
  let text = '';
  const spans: Fixture['spans'] = [];
  const open: number[] = [];
  let cursor: number | null = null;
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith('$0', i)) {
      cursor = text.length;
      i++;
    } else if (marked[i] === '⟦') {
      open.push(text.length);
    } else if (marked[i] === '⟧') {
      const start = open.pop();
      if (start === undefined) throw new Error(`Unbalanced ⟧ at ${i} in fixture`);
      spans.push({ start, end: text.length, text: text.slice(start, text.length) });
    } else {
      text += marked[i];
    }
  }
  if (open.length) throw new Error('Unbalanced ⟦ in fixture');
  return { text, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end), cursor };
}

/** Strips the common indentation and the first and last blank lines of a template literal. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Applies offset edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
