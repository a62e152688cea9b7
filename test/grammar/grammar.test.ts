// Tests of the TextMate grammar (syntaxes/corpus.tmLanguage.json) and the language configuration.
//
// 1. Snapshots: every test/fixtures/grammar/*.txt is tokenized line by line and compared with
//    test/grammar/snapshots/<name>.snap. `UPDATE_SNAPSHOTS=1` (or `npm run grammar:snapshots`)
//    rewrites them; a missing snapshot fails.
// 2. Key rules: a table of `check(input, text, scope)` cases. `scope` is a substring that every
//    token covering `text` must carry in its scopes, and `text` must start and end on token
//    boundaries; `null` means the text is not coloured at all (only the root scope and `meta.*`
//    container scopes, which themes do not colour).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import {
  GRAMMAR_PATH,
  fixtureNames,
  loadCorpusGrammar,
  snapshotFixture,
  tokenizeText,
  type Token,
} from './tokenize.js';

describe('grammar snapshots', () => {
  test('there are fixtures', () => {
    assert.ok(fixtureNames().length > 0, 'no test/fixtures/grammar/*.txt found');
  });

  for (const fixture of fixtureNames()) {
    test(fixture, async () => {
      const result = await snapshotFixture(fixture);
      if (result.status === 'missing') {
        assert.fail(
          `no snapshot ${path.relative(process.cwd(), result.file)}; run \`npm run grammar:snapshots\` and review it`,
        );
      }
      if (result.status === 'compared') assert.equal(result.actual, result.expected);
    });
  }
});

/** Tokens of `input` (one or more lines) that overlap the first occurrence of `text`. */
async function tokensCovering(input: string, text: string): Promise<{ tokens: Token[]; start: number; end: number }> {
  const lines = tokenizeText(await loadCorpusGrammar(), input);
  for (const { line, tokens } of lines) {
    const start = line.indexOf(text);
    if (start < 0) continue;
    const end = start + text.length;
    return { tokens: tokens.filter((t) => t.start < end && t.start + t.text.length > start), start, end };
  }
  throw new Error(`${JSON.stringify(text)} does not occur in ${JSON.stringify(input)}`);
}

async function check(input: string, text: string, scope: string | null): Promise<void> {
  const { tokens, start, end } = await tokensCovering(input, text);
  const shown = tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
  if (scope === null) {
    const coloured = tokens.filter((t) => t.scopes.some((s) => !s.startsWith('meta.')));
    assert.deepEqual(coloured, [], `${JSON.stringify(text)} should not be coloured:\n${shown}`);
    return;
  }
  assert.ok(
    tokens.every((t) => t.scopes.some((s) => s.includes(scope))),
    `every token of ${JSON.stringify(text)} should have a scope containing "${scope}":\n${shown}`,
  );
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  assert.ok(
    first !== undefined && last !== undefined && first.start === start && last.start + last.text.length === end,
    `${JSON.stringify(text)} should be exactly the matched span, got:\n${shown}`,
  );
}

const MARKER = 'footnote-reference';
const DEFINITION = 'footnote-definition';
const DATE = 'constant.numeric.date';
const STRING = 'string.quoted';

// [input, text, expected scope substring or null]
const cases: [string, string, string | null][] = [
  // footnote markers
  ['fighters in Afghanistan.[6]', '[6]', MARKER],
  ['by both sides."[1]', '[1]', MARKER],
  ['Two sources agree.[1][2]', '[2]', MARKER],
  ['A five-digit note[12345] counts.', '[12345]', MARKER],
  ['Shoigu stated: [N]umerous groups pose the main threat.', '[N]umerous', null],
  ['He can be reached at [email protected]', '[email protected]', null],
  ['She finished [1]st in the ballot.', '[1]st', null],
  ['A six-digit one[123456] is not a note.', '[123456]', null],
  // footnote definitions
  ['[1] (Afghanistan), March 6, 2024.', '[1]', DEFINITION],
  ['[1] (Afghanistan), March 6, 2024.', 'March 6, 2024', DATE],
  ['  [10] (UK), February 27, 2024.', '[10]', DEFINITION],
  ['[2] Citing the earlier report [1].', '[1].', null],
  ['[2] Citing the earlier report [1].', ' Citing the earlier report [1].', 'meta.footnote.definition'],
  ['body text\n[3] (UK), March 5, 2024.', '[3]', DEFINITION],
  // dates
  ['On March 5, 2024, they met.', 'March 5, 2024', DATE],
  ['On Mar. 5, 2024, they met.', 'Mar. 5, 2024', DATE],
  ['Reported on 5 March 2024.', '5 March 2024', DATE],
  ['The attack on March 22 claimed lives.', 'March 22', DATE],
  ['Held on February 18-19, 2024, in Doha.', 'February 18-19, 2024', DATE],
  ['In April 2023, Shoigu spoke.', 'April 2023', DATE],
  ['Two mid-November visits.', 'mid-November', DATE],
  ['In late-December 2023, Kabulov met him.', 'late-December 2023', DATE],
  ['Dated 2024-03-05.', '2024-03-05', DATE],
  ['announced on Friday that', 'Friday', DATE],
  ['the ceasefire in 2022.', '2022', DATE],
  ['the world can witness another 9/11.', '9/11', null],
  ['The Taliban may deny it.', 'may', null],
  ['Talks planned for May 2024.', 'May 2024', DATE],
  ['They stopped in May.', 'May', DATE],
  ['Theresa May spoke.', 'May', null],
  ['with 23,000 militants', '23,000', null],
  // quotations
  ['He said “quoted” twice.', '“quoted”', STRING],
  ['He said "quoted" twice.', '"quoted"', STRING],
  ['Agree To Forge \'Enhanced Security Cooperation\' Between', "'Enhanced Security Cooperation'", STRING],
  ['Never ‘War Booty’ Won', '‘War Booty’', STRING],
  ['“Never ‘War Booty’ Won”', 'War Booty', 'string.quoted.single'],
  ['The Afghan Taliban’s Haqqani Network', 'Taliban’s', null],
  ['Afghan Taliban\'s Interior Minister', "Taliban's", null],
  ["they don't know it's 'late'", "don't know it's", null],
  ['He called it ‘the Taliban’s rule’ today.', '‘the Taliban’s rule’', STRING],
  ['stated: "The threat persists."[9]', '[9]', MARKER],
  ['"Said on March 5, 2024, in Kabul."', 'March 5, 2024', DATE],
  ['"[N]umerous groups."', '[N]umerous groups.', STRING],
  ['the end of a quote." Then a sentence.', ' Then a sentence.', null],
  ['“An unclosed quotation,\nthe next line is plain.', 'the next line is plain.', null],
  // markdown
  ['## Heading', '## Heading', 'markup.heading'],
  ['## Heading', '##', 'punctuation.definition.heading'],
  ['#hashtag', '#hashtag', null],
  ['**bold**', '**bold**', 'markup.bold'],
  ['An unclosed **bold marker.', '**bold marker.', null],
];

describe('grammar rules', () => {
  for (const [input, text, scope] of cases) {
    test(`${JSON.stringify(text)} in ${JSON.stringify(input)} → ${scope ?? 'not coloured'}`, () =>
      check(input, text, scope));
  }
});

describe('grammar file', () => {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as Record<string, unknown>;

  test('declares the scope name the manifest refers to', () => {
    assert.equal(raw.scopeName, 'text.corpus');
  });

  test('every regular expression compiles with Oniguruma', async () => {
    await loadCorpusGrammar(); // loads the WebAssembly module
    const found: string[] = [];
    (function walk(node: unknown): void {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') found.push(value);
        else walk(value);
      }
    })(raw);
    assert.ok(found.length > 10, `only ${found.length} regular expressions found`);
    for (const source of found) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `does not compile: ${source}`);
    }
  });
});

describe('language configuration', () => {
  const configPath = path.resolve(process.cwd(), 'syntaxes/language-configuration.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as {
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    wordPattern: { pattern: string; flags?: string };
  };
  // As VS Code builds it: the pattern with its flags, plus g.
  const word = new RegExp(config.wordPattern.pattern, (config.wordPattern.flags ?? '') + 'g');

  const words: [string, string[]][] = [
    ['the Taliban’s rule', ['the', 'Taliban’s', 'rule']],
    ["Kabul's knowledge", ["Kabul's", 'knowledge']],
    ['US-led forces', ['US-led', 'forces']],
    ['U.S.-led forces', ['U.S.-led', 'forces']],
    ['Tehrik-e-Taliban, al-Zawahiri.', ['Tehrik-e-Taliban', 'al-Zawahiri']],
    ['“quoted” [1] (UK)', ['quoted', '1', 'UK']],
    ['‘War Booty’', ['War', 'Booty']],
  ];
  for (const [text, expected] of words) {
    test(`words of ${JSON.stringify(text)}`, () => {
      assert.deepEqual(text.match(word), expected);
    });
  }

  test('brackets and auto-closing pairs include [ ], ( ), “ ”', () => {
    for (const pair of [['[', ']'], ['(', ')'], ['“', '”']]) {
      assert.ok(config.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]), `bracket ${pair.join(' ')}`);
      assert.ok(
        config.autoClosingPairs.some((p) => p.open === pair[0] && p.close === pair[1]),
        `auto-closing ${pair.join(' ')}`,
      );
    }
    assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.close === '"'), 'auto-closing " "');
  });
});
