// Export formats: pure converters from the corpus-lens/1 export object and the documents' texts,
// and the brat reader. The CLI does the files.
export * from './types.js';
export * from './offsets.js';
export * from './json.js';
export * from './brat.js';
export * from './conll.js';
export * from './jsonl.js';
export * from './webAnnotation.js';
export * from './storeImport.js';

/** The names `corpus-lens export --format` takes. */
export const EXPORT_FORMATS = ['json', 'brat', 'conll', 'jsonl', 'webanno'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The names `corpus-lens import --format` takes. */
export const IMPORT_FORMATS = ['brat'] as const;
