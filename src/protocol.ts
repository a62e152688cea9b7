// Custom requests and notifications of the Corpus Lens language server, typed once and shared by
// the server and the VS Code client. Another editor can speak them too (see the README).
// Only method names and payload types live here: the client and the server each bundle their own
// JSON-RPC library (of different majors), so each side wraps these in its own message types.

/** A request: its method name, with its parameter and result types carried along. */
export interface Request<Params, Result> {
  method: string;
  /** Never set; carries the types. */
  readonly types?: { params: Params; result: Result };
}

/** A notification: its method name, with its parameter type carried along. */
export interface Notification<Params> {
  method: string;
  readonly types?: { params: Params };
}

export interface DocumentSummary {
  uri: string;
  title: string | null;
  /** The document's own date, YYYY-MM-DD. */
  dct: string | null;
  dctSource: 'metadata' | 'header' | 'filename' | null;
  footnoteMarkers: number;
  footnoteDefinitions: number;
  /** Footnote problems shown as errors, warnings or information (hints not counted). */
  footnoteProblems: number;
  /** The file was not analysed (binary, too large, unreadable); `reason` says why. */
  skipped: boolean;
  reason: string | null;
}

export interface DocumentsParams {
  /** Only these documents; all when omitted. */
  uris?: string[];
}

/** `corpusLens/documents`: every corpus document the server knows, sorted by URI. */
export const DocumentsRequest: Request<DocumentsParams, DocumentSummary[]> = { method: 'corpusLens/documents' };

export interface IndexChangedParams {
  /** Increases with every change to the index. */
  version: number;
  documents: number;
  /** True while the workspace is being indexed. */
  indexing: boolean;
}

/** `corpusLens/indexChanged`: sent after the index changes (debounced). */
export const IndexChangedNotification: Notification<IndexChangedParams> = { method: 'corpusLens/indexChanged' };
