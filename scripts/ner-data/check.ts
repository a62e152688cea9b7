// Checks markup files against their source texts and prints counts:
//   node --import tsx scripts/ner-data/check.ts SOURCE_DIR FILE.txt…
// Exit 1 when a file's text without markup differs from the source, or its markup is malformed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseMarkup, MARKUP_TYPES } from './markup.js';

const [sourceDir, ...files] = process.argv.slice(2);
if (!sourceDir || files.length === 0) {
  console.error('usage: check.ts SOURCE_DIR FILE.txt…');
  process.exit(2);
}
let failed = false;
const counts: Record<string, number> = Object.fromEntries(MARKUP_TYPES.map((t) => [t, 0]));
let tokens = 0;
for (const file of files) {
  const parsed = parseMarkup(fs.readFileSync(file, 'utf8'));
  const source = fs.readFileSync(path.join(sourceDir, path.basename(file)), 'utf8');
  for (const p of parsed.problems) {
    console.error(`${file}: ${p}`);
    failed = true;
  }
  if (parsed.text !== source) {
    let i = 0;
    while (i < source.length && parsed.text[i] === source[i]) i++;
    console.error(`${file}: text differs from the source at offset ${i}: source "${source.slice(i, i + 30)}", markup gives "${parsed.text.slice(i, i + 30)}"`);
    failed = true;
  }
  for (const s of parsed.spans) counts[s.type]++;
  tokens += source.split(/\s+/).filter(Boolean).length;
}
console.log(`${files.length} files, ~${tokens} tokens; ${MARKUP_TYPES.map((t) => `${t} ${counts[t]}`).join(', ')}`);
process.exit(failed ? 1 : 0);
