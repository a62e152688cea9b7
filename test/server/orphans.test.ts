// `corpusLens/orphans`: the user's annotations whose text was edited away, then those whose document
// is not in the corpus, for one document or all; a document that was not analysed has none; and what
// each annotation said, in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus, targetOf, type Annotation } from '../../src/core/index.js';
import type { OrphansParams } from '../../src/protocol.js';
import type { MissingStoreDocument } from '../../src/server/documentMoves.js';
import { describe, orphanedAnnotations } from '../../src/server/orphans.js';

const WRITTEN = 'Envoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on March 5, 2024.';
const base = { source: 'user' as const, created: '2024-01-01T00:00:00.000Z' };
const on = (words: string) => targetOf(WRITTEN, WRITTEN.indexOf(words), WRITTEN.indexOf(words) + words.length);

/** The decisions made on WRITTEN, in store order. */
function decisions(document: string): Annotation[] {
  return [
    { ...base, id: `${document}-name`, document, kind: 'entity', type: 'PERSON', entity: 'person:zhirnov', target: on('Dmitry Zhirnov') },
    { ...base, id: `${document}-place`, document, kind: 'not-entity', target: on('Kabul') },
    { ...base, id: `${document}-date`, document, kind: 'date', value: '2024-03-05', target: on('March 5, 2024') },
    { ...base, id: `${document}-reviewed`, document, kind: 'reviewed', target: on('Envoy Dmitry Zhirnov') },
  ];
}

/**
 * edited: Zhirnov and Kabul edited away (two orphans by text; its review stays with the document).
 * kept: the text as written (no orphans). skipped: not analysed (binary), its quotes gone too.
 * gone.txt: in the store, not in the corpus.
 */
function corpus(): { corpus: Corpus; missing: MissingStoreDocument[] } {
  const c = new Corpus();
  const edited = WRITTEN.replace('Dmitry Zhirnov', 'the envoy').replace('Kabul', 'the capital');
  c.update('edited', edited, analyzeDocument(edited, { path: 'edited' }));
  c.update('kept', WRITTEN, analyzeDocument(WRITTEN, { path: 'kept' }));
  c.update('skipped', '', analyzeDocument('', { path: 'skipped' }), [{ start: 0, end: 0, severity: 'warning', code: 'file.binary', message: 'Looks binary.' }], true);
  c.setAnnotations(new Map(['edited', 'kept', 'skipped'].map((d) => [d, decisions(d)])), []);
  const missing = [{ root: '/w', document: 'gone.txt', uri: 'gone', annotations: decisions('gone.txt').slice(1) }];
  return { corpus: c, missing };
}

/** Each orphan as "uri reason id kind `exact` description". */
function check(params: OrphansParams | null, expected: string[]): void {
  const { corpus: c, missing } = corpus();
  const orphans = orphanedAnnotations(c, missing, params);
  assert.deepEqual(orphans.map((o) => `${o.uri} ${o.reason} ${o.id} ${o.kind} \`${o.exact}\` ${o.description}`), expected, JSON.stringify(params));
}

const EDITED = [
  'edited text edited-name entity `Dmitry Zhirnov` a person, linked to person:zhirnov',
  'edited text edited-place not-entity `Kabul` not an entity',
];
const GONE = [
  'gone document gone.txt-place not-entity `Kabul` not an entity',
  'gone document gone.txt-date date `March 5, 2024` the date 2024-03-05',
  'gone document gone.txt-reviewed reviewed `` reviewed',
];

test('orphans: by text, then by document; for one document or all', () => {
  const cases: Array<[OrphansParams | null, string[]]> = [
    [null, [...EDITED, ...GONE]],
    [{}, [...EDITED, ...GONE]],
    [{ uri: 'edited' }, EDITED],
    [{ uri: 'kept' }, []],
    [{ uri: 'skipped' }, []],
    [{ uri: 'gone' }, GONE],
    [{ uri: 'unknown' }, []],
  ];
  for (const [params, expected] of cases) check(params, expected);
});

test('orphans: what an annotation said, in words', () => {
  const said = (a: Record<string, unknown>) => describe({ ...base, id: 'x', document: 'a.txt', ...a } as unknown as Annotation);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ kind: 'entity', type: 'PERSON', entity: null }, 'a person'],
    [{ kind: 'entity', type: 'ORG', entity: 'org:un' }, 'an organisation, linked to org:un'],
    [{ kind: 'entity', type: 'PLACE', entity: '' }, 'a place'],
    [{ kind: 'entity', type: 'NORP', entity: null }, 'a nationality or group'],
    [{ kind: 'entity', type: 'MISC', entity: null }, 'a named thing'],
    [{ kind: 'not-entity' }, 'not an entity'],
    [{ kind: 'date', value: 'XXXX-03-05' }, 'the date XXXX-03-05'],
    [{ kind: 'reviewed' }, 'reviewed'],
    [{ kind: 'not-entity-everywhere', text: 'Kabul' }, 'not entity everywhere'],
    [{ kind: 'entity-name', entity: 'person:a', name: 'A' }, 'entity name'],
  ];
  assert.deepEqual(cases.map(([a]) => said(a)), cases.map(([, words]) => words));
});
