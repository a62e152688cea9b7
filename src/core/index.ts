// The core's public surface: text in, plain data out. No vscode, no LSP, no file system.
export * from './types.js';
export * from './analyze.js';
export * from './corpus.js';
export * from './decode.js';
export * from './discovery.js';
export * from './exportJson.js';
export * from './footnoteEdits.js';
export * from './footnotes.js';
export * from './metadata.js';
export * from './positions.js';
export * from './report.js';
export { dateInFileName, findCalendarDates, isValidIsoDate } from './calendarDates.js';
export * from './load.js';
export * from './entities/link.js';
export type { EntityMention, EntityType } from './entities/recognize.js';
export type { CorpusEvent, CorpusEventMention } from './events/join.js';
export type { EventKind, EventMention } from './events/extract.js';
