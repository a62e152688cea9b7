// References (Shift+F12): every mention of the entity under the cursor, or every marker of a footnote.
// A name in nearly every article has tens of thousands: when the client asks for partial results
// (partialResultToken), the first few hundred go out at once and the rest in chunks, between other
// requests; the final answer is then empty, as LSP asks.
import type { CancellationToken, Location, ResultProgressReporter } from 'vscode-languageserver';
import { referencesAt, type Location as CoreLocation, type Snapshot } from '../core/index.js';
import { toRange } from './convert.js';
import type { DocumentText } from './diskDocument.js';

/** Locations in the first partial result, then in each of the next. */
const FIRST_CHUNK = 200;
const CHUNK = 2000;

export async function references(
  snapshot: Snapshot, textDocument: (uri: string) => DocumentText | undefined,
  uri: string, offset: number, includeDeclaration: boolean, token: CancellationToken, partial?: ResultProgressReporter<Location[]>,
): Promise<Location[]> {
  const found = referencesAt(snapshot, uri, offset, includeDeclaration);
  const convert = (list: CoreLocation[]) => list.flatMap((loc) => {
    const target = textDocument(loc.path);
    return target ? [{ uri: loc.path, range: toRange(target, loc) }] : [];
  });
  if (!partial || found.length <= FIRST_CHUNK) return convert(found);
  for (let k = 0; k < found.length;) {
    if (token.isCancellationRequested) return [];
    const size = k === 0 ? FIRST_CHUNK : CHUNK;
    partial.report(convert(found.slice(k, k + size)));
    k += size;
    // Other requests are answered between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [];
}
