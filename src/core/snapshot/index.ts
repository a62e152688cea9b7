// The snapshot and the editor features that ask it, one module each.
export { Snapshot, StaleSnapshotError } from './snapshot.js';
export type { Location } from './location.js';
export * from './hover.js';
export * from './definition.js';
export * from './references.js';
export * from './highlights.js';
export * from './symbols.js';
export * from './outline.js';
export * from './problems.js';
export * from './codeActions.js';
export * from './summaries.js';
export * from './review.js';
