// Writes the recogniser's names into markup files for hand correction:
//   node --import tsx scripts/ner-data/preannotate.ts OUT_DIR FILE.txt…
// A leading "the" is left outside every name (the CoNLL/ACE extent convention).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/index.js';
import { writeMarkup, type MarkupSpan } from './markup.js';

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) {
  console.error('usage: preannotate.ts OUT_DIR FILE.txt…');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const spans: MarkupSpan[] = [];
  for (const m of analyzeDocument(text, { path: file }).entities) {
    let start = m.start;
    const article = /^(the|The|THE) /.exec(m.text);
    if (article) start += article[0].length;
    spans.push({ start, end: m.end, type: m.type });
  }
  const target = path.join(out, path.basename(file));
  if (fs.existsSync(target)) {
    console.error(`${target} exists: left as it is`);
    continue;
  }
  fs.writeFileSync(target, writeMarkup(text, spans));
}
