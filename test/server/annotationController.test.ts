// The annotation controller over real workspace folders and stores: what it hands on once the
// stores are read at start (learning, through `applied`, learns from whatever stores it then sees).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotationController } from '../../src/server/annotationController.js';
import { DiagnosticsPublisher } from '../../src/server/diagnostics.js';
import { DEFAULT_SETTINGS } from '../../src/server/settings.js';
import { TestWorkspace, userAnnotation } from './workspace.js';

const TEXT = 'Anna Brook met Karim Sadiqi in Herat.';

/**
 * Folders with a decision each in their store; the controller loads each list of folders in turn
 * (folder indices). Each time the stores are applied: the ids of the decisions they then hold.
 */
async function checkLoad(folders: number, loads: number[][], expected: string[][]): Promise<void> {
  const ws = await TestWorkspace.create(folders);
  for (let k = 0; k < folders; k++) await ws.writeStore([userAnnotation(`f${k}`, 'a.txt', 'entity', TEXT, 'Anna Brook')], k);
  const applied: string[][] = [];
  const { corpus } = ws;
  const controller: AnnotationController = new AnnotationController({
    corpus,
    diagnostics: new DiagnosticsPublisher({ corpus, send: async () => {}, isOpen: () => false, textDocument: () => undefined, settings: () => DEFAULT_SETTINGS.diagnostics }),
    rootOf: (uri) => ws.rootOf(uri),
    indexing: () => true,
    changed: () => {},
    applied: () => void applied.push(controller.stores.roots().flatMap((s) => (s.store?.annotations ?? []).map((a) => a.id))),
    log: () => {},
  });
  for (const load of loads) await controller.loadFolders(load.map((k) => ws.roots[k]));
  assert.deepEqual(applied, expected);
}

const loadCases: Array<[string, number, number[][], string[][]]> = [
  ['one folder: applied once', 1, [[0]], [['f0']]],
  ['several folders: every store read, then applied once', 3, [[0, 1, 2]], [['f0', 'f1', 'f2']]],
  ['a folder taken out of the workspace: its store is no longer applied', 2, [[0, 1], [1]], [['f0', 'f1'], ['f1']]],
  ['every folder taken out: nothing is applied any more', 1, [[0], []], [['f0'], []]],
];
for (const [name, folders, loads, expected] of loadCases) test(`annotation stores at start: ${name}`, () => checkLoad(folders, loads, expected));
