// Workspace folders in temporary directories for the server's unit tests: a corpus whose documents
// are file URIs under them (as the server names them), their texts written to disk when a test needs
// the files, and each folder's annotation store.
import { after } from 'node:test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyzeDocument, Corpus, groupAnnotations, serializeStore, STORE_PATH, targetOf, type Annotation, type GroupedAnnotations } from '../../src/core/index.js';
import type { AnnotationFiles } from '../../src/server/annotationFiles.js';
import { documentUri } from '../../src/server/documentMoves.js';

const made: string[] = [];
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A new empty folder under the system's temporary folder, removed when the test file's tests are done. */
export async function temporaryFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-lens-server-'));
  made.push(dir);
  return dir;
}

export class TestWorkspace {
  readonly corpus = new Corpus();

  private constructor(readonly roots: string[]) {}

  /** `folders` empty workspace folders. */
  static async create(folders = 1): Promise<TestWorkspace> {
    const roots: string[] = [];
    for (let k = 0; k < folders; k++) roots.push(await temporaryFolder());
    return new TestWorkspace(roots);
  }

  /** The URI of `relative` ('/' separators) in folder `k`. */
  uri(relative: string, k = 0): string {
    return documentUri(this.roots[k], relative);
  }

  /** A corpus document (analysed as the server would), also written to disk with `onDisk` (its bytes, or its text). */
  async add(relative: string, text: string, { folder = 0, onDisk }: { folder?: number; onDisk?: true | Uint8Array } = {}): Promise<string> {
    const uri = this.uri(relative, folder);
    this.corpus.update(uri, text, analyzeDocument(text, { path: URI.parse(uri).fsPath }));
    if (onDisk) {
      const file = URI.parse(uri).fsPath;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, onDisk === true ? text : onDisk);
    }
    return uri;
  }

  /** The folder holding a URI and the path relative to it, as the server's index answers. */
  rootOf(uri: string): { root: string; relative: string } | null {
    const file = URI.parse(uri).fsPath;
    for (const root of this.roots) {
      const relative = path.relative(root, file);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return { root, relative: relative.split(path.sep).join('/') };
    }
    return null;
  }

  /** Writes folder `k`'s store file. */
  async writeStore(annotations: Annotation[], k = 0): Promise<void> {
    const file = path.join(this.roots[k], STORE_PATH);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, serializeStore({ version: 1, annotations }));
  }

  /** Gives the corpus the stores' annotations by document URI, as the annotation controller does. */
  apply(stores: AnnotationFiles): void {
    const grouped: GroupedAnnotations = { byPath: new Map(), everywhere: [], decisions: [] };
    for (const state of stores.roots()) groupAnnotations(state.store?.annotations ?? [], (document) => documentUri(state.root, document), grouped);
    this.corpus.setAnnotations(grouped.byPath, grouped.everywhere, grouped.decisions);
  }
}

/** A user's annotation of `kind` on the first `words` of `text` in `document` (a review: on nothing). */
export function userAnnotation(id: string, document: string, kind: 'entity' | 'not-entity' | 'reviewed', text = '', words = ''): Annotation {
  const base = { id, document, source: 'user' as const, created: '2024-01-01T00:00:00.000Z' };
  const start = text.indexOf(words);
  if (kind === 'reviewed') return { ...base, kind };
  if (start < 0 || !words) throw new Error(`"${words}" is not in the text`);
  const target = targetOf(text, start, start + words.length);
  return kind === 'entity' ? { ...base, kind, type: 'PERSON', entity: null, target } : { ...base, kind, target };
}
