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
  /** Distinct entities mentioned, temporal expressions, and events reported. */
  entities: number;
  dates: number;
  events: number;
  /** A person marked the document as reviewed. */
  reviewed: boolean;
  /** Decisions of the user that apply to this document. */
  userAnnotations: number;
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

// ---- Entities, events and the sidebar -------------------------------------------------------

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Location {
  uri: string;
  range: Range;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'NORP' | 'MISC';

export interface EntitySummary {
  /** Stable id, `<type>:<slug>`, e.g. `person:sirajuddin-haqqani`. */
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  documents: number;
  /** Roles the corpus gives the entity ("Russian Ambassador to Kabul"), most frequent first. */
  roles: string[];
  /** Where it is defined (first full name, or its acronym's expansion). */
  definition: Location;
}

export interface EntitiesParams {
  /** Only entities mentioned in this document. */
  uri?: string;
}

/** `corpusLens/entities`: every entity of the corpus, most mentioned first. */
export const EntitiesRequest: Request<EntitiesParams, EntitySummary[]> = { method: 'corpusLens/entities' };

export interface EntityMentionsParams {
  id: string;
}

/** `corpusLens/entityMentions`: every mention of one entity, in corpus order. */
export const EntityMentionsRequest: Request<EntityMentionsParams, Location[]> = { method: 'corpusLens/entityMentions' };

export interface EntityAtParams {
  uri: string;
  position: Position;
}

/** `corpusLens/entityAt`: the entity whose mention is under the position, or null. */
export const EntityAtRequest: Request<EntityAtParams, EntitySummary | null> = { method: 'corpusLens/entityAt' };

export interface EventParticipant {
  id: string;
  name: string;
  type: EntityType;
}

export interface EventMentionSummary {
  uri: string;
  /** The trigger word or phrase ("met", "attack"). */
  range: Range;
  trigger: string;
  /** The sentence reporting it, for display and for opening the document there. */
  sentence: string;
  sentenceRange: Range;
  /** The document's title or file name. */
  documentTitle: string;
}

export interface EventSummary {
  id: string;
  /** ISO 8601 value at the precision the reports give (2024-03-05, 2024-03, 2024), or null when undated. */
  date: string | null;
  /** What kind of happening (src/core/events/kinds.ts): meeting, visit, attack, killing, death, disaster, arrest, trial, statement, decision, election, … */
  kind: string;
  /** A short title built from the trigger and participants: "Zhirnov meets Haqqani in Kabul". */
  title: string;
  participants: EventParticipant[];
  place: EventParticipant | null;
  /** Documents reporting it. */
  documents: number;
  /** The document that told it first: the earliest by its own date (undated documents last), with that date. */
  firstReport: { uri: string; title: string; date: string | null };
  mentions: EventMentionSummary[];
}

export interface EventsParams {
  /** Only events with this entity among their participants or as their place. */
  entity?: string;
  /** Only events reported by this document. */
  uri?: string;
  /** Only the event with this id. */
  id?: string;
  /**
   * Without their mentions (`mentions: []`; `documents` still counts them): what a tree of 100,000
   * events needs at first; it asks for one event's mentions (`{ id }`) when that event is expanded.
   */
  brief?: boolean;
}

/** `corpusLens/events`: events across the corpus, dated ones in date order, undated last. */
export const EventsRequest: Request<EventsParams, EventSummary[]> = { method: 'corpusLens/events' };

export interface EventTreeParams {
  /** Only events with this entity among their participants or as their place. */
  entity?: string;
  /** Only events reported by this document. */
  uri?: string;
  /**
   * The group to open: none for the top (the years, then `undated`); a year (`2024`): its months
   * and the events dated only to the year; a month (`2024-03`): its events; `undated`: the events
   * without a year.
   */
  group?: string;
  /** The group's events from this one (0 by default)… */
  offset?: number;
  /** …at most this many (200 by default, 1,000 at most). */
  limit?: number;
}

export interface EventTreeGroup {
  /** What to ask for to open it: `2024`, `2024-03`, `undated`. */
  key: string;
  kind: 'year' | 'month' | 'undated';
  /** "2024", "March", "Undated". */
  label: string;
  /** Events in the group (a year's: all its months' too). */
  count: number;
}

export interface EventTreeLevel {
  /** The groups under the group asked for, in date order (the undated last). */
  groups: EventTreeGroup[];
  /** The group's own events, from `offset`, in date order, without their mentions (`mentions: []`). */
  events: EventSummary[];
  /** How many events the group holds directly, all pages. */
  total: number;
  /** True while the corpus's events are first being joined: nothing to list yet; a corpusLens/indexChanged follows. */
  joining: boolean;
}

/**
 * `corpusLens/eventTree`: one level of the Events view, as it is opened: the years with their counts
 * first, then a year's months, then a month's events, a page at a time; filters applied here. No
 * answer grows with the corpus.
 */
export const EventTreeRequest: Request<EventTreeParams, EventTreeLevel> = { method: 'corpusLens/eventTree' };

export interface TimelineParams {
  /** One lane per participant, or per document reporting the event. */
  lanes: 'participant' | 'document';
  /** The days shown, [start, end), in days since 1970-01-01; none: the first view (the bulk of the events). */
  window?: { start: number; end: number };
  /** An event id: the window around it (what Show on Timeline asks for). */
  around?: string;
  /** Events sent one by one up to this many in the window (400 by default, 2,000 at most); more, and counts per lane and period instead. */
  maxEvents?: number;
  /** The busiest lanes of the window sent, at most (40 by default, 200 at most). */
  maxLanes?: number;
}

export interface TimelineWindow {
  /** The days every dated event covers (whole months, with a month's margin each side); null when none is dated. */
  domain: { start: number; end: number } | null;
  /** The window answered: the one asked for (within the domain), or the first view. */
  window: { start: number; end: number } | null;
  /** The window's busiest lanes, busiest first: `count` is their events in the window. */
  lanes: Array<{ key: string; label: string; detail: string; count: number }>;
  /** Lanes of the window left out. */
  otherLanes: number;
  /** Events in the window, on any lane. */
  inWindow: number;
  /** `events` when the window holds few enough to draw one by one, else `counts`. */
  detail: 'events' | 'counts';
  /** With `events`: each event of the window (days: first, first after) and its lanes (indices into `lanes`). */
  events: Array<{ id: string; date: string; title: string; kind: string; detail: string; start: number; end: number; lanes: number[] }>;
  /** With `counts`: the window cut into years, months or days, and for each lane how many events start in each. */
  unit: 'year' | 'month' | 'day' | null;
  periods: Array<{ start: number; end: number; label: string }>;
  counts: number[][];
  /** Events on the timeline, and events without a date (listed in the Events view). */
  dated: number;
  undated: number;
  /** The first undated events (100 at most), to list under the chart. */
  undatedEvents: Array<{ id: string; title: string; kind: string; detail: string }>;
  /** True while the corpus's events are first being joined: nothing to show yet; a corpusLens/indexChanged follows. */
  joining: boolean;
}

/**
 * `corpusLens/timeline`: what the timeline shows of a window, at the detail that fits it: events
 * when zoomed in, counts per lane and period when zoomed out. Asked again as the user pans and
 * zooms; no answer grows with the corpus.
 */
export const TimelineRequest: Request<TimelineParams, TimelineWindow> = { method: 'corpusLens/timeline' };

// ---- Annotating ------------------------------------------------------------------------------

/**
 * 'merge': the entity under the range joins `entity`; 'split': the mention under the range leaves
 * its entity for one of its own; 'entity-name': the entity under the range is called `value`
 * (and described by `description`).
 */
export type AnnotateAction = 'entity' | 'not-entity' | 'not-entity-everywhere' | 'date' | 'reviewed' | 'merge' | 'split' | 'entity-name';

export interface AnnotateParams {
  uri: string;
  /** The text to annotate; an empty range means the name or date under that position. */
  range: Range;
  action: AnnotateAction;
  /** For 'entity': its type. */
  type?: EntityType;
  /** For 'entity': the entity to link to (an id from `corpusLens/entities`), or none for its own. */
  entity?: string | null;
  /** For 'date': the TIMEX3 value; for 'entity-name': the name. */
  value?: string;
  /** For 'entity-name': a description of the entity. */
  description?: string;
}

export interface AnnotateResult {
  /** The new annotation's id (to undo it with `corpusLens/removeAnnotation`). */
  id: string;
  /** What was done, for the status bar: "Karim Sadiqi is a person". */
  message: string;
}

/** `corpusLens/annotate`: records a user decision in the annotation store and applies it at once. */
export const AnnotateRequest: Request<AnnotateParams, AnnotateResult> = { method: 'corpusLens/annotate' };

export interface RemoveAnnotationParams {
  uri: string;
  id: string;
}

/** `corpusLens/removeAnnotation`: takes a decision back (undo); true when it was found. */
export const RemoveAnnotationRequest: Request<RemoveAnnotationParams, boolean> = { method: 'corpusLens/removeAnnotation' };

// ---- Learning from the decisions -------------------------------------------------------------

export interface LearnedResult {
  /** Names read otherwise (gone, come, or typed otherwise) across the corpus. */
  labels: number;
  /** Documents where they changed. */
  documents: number;
  /** Documents the change could reach, analysed again. */
  analysed: number;
  /** Decisions the weights are learned from now. */
  decisions: number;
  /** From the change of the weights to the last document analysed again, in ms. */
  ms: number;
}

/** `corpusLens/learned`: the learned weights changed, and every document they reach was analysed again. */
export const LearnedNotification: Notification<LearnedResult> = { method: 'corpusLens/learned' };

/** `corpusLens/forgetLearned`: the decisions made so far teach nothing any more; answers what was done, for a message. */
export const ForgetLearnedRequest: Request<null, string> = { method: 'corpusLens/forgetLearned' };

// ---- Review --------------------------------------------------------------------------------

/** The names a `corpusLens/review` request gives without a limit, and at most. */
export const REVIEW_PAGE = 100;
export const REVIEW_MAX_LIMIT = 1000;

export interface ReviewParams {
  /** The names from this one (0 by default)… */
  offset?: number;
  /** …at most this many (REVIEW_PAGE by default, REVIEW_MAX_LIMIT at most). */
  limit?: number;
}

export interface ReviewItem {
  uri: string;
  range: Range;
  text: string;
  type: EntityType;
  /** How sure the model is of the span and type, in (0, 1); null when the rules or the lexicon decided alone. For a possible name, how sure it is that the span is no name. */
  confidence: number | null;
  /** Not a name the model read, but a span it nearly read as one (`type` is what it would have been). */
  possible: boolean;
  /** What the model learned from the last decisions changed this name (new, or typed otherwise): such names come first. */
  changed: boolean;
  /** The document's title or file name. */
  documentTitle: string;
  /** The text around the name on its line. */
  before: string;
  after: string;
}

export interface ReviewList {
  /** The names from `offset`, least sure first (then by document and position). */
  items: ReviewItem[];
  /** Names nobody has decided yet, in the whole corpus. */
  total: number;
  /** The index version (as `corpusLens/indexChanged` says it) the list was read at: a change up to it is in the list. */
  version: number;
}

/**
 * `corpusLens/review`: the names the user has not decided, across the corpus, least sure first, a
 * page at a time (the order `npm run eval`'s simulated user follows), after the names the last
 * decisions changed (what the model learned from them). A decided name leaves the list.
 */
export const ReviewRequest: Request<ReviewParams, ReviewList> = { method: 'corpusLens/review' };

// ---- Export and orphaned annotations ---------------------------------------------------------

export type ExportFormat = 'json' | 'brat' | 'conll' | 'jsonl' | 'webanno';

export interface ExportParams {
  format: ExportFormat;
  /** The workspace folder whose corpus documents are exported (a URI); paths in the export are relative to it. */
  folder: string;
  /** Where to write: a file URI for json, jsonl, conll and webanno; a folder URI for brat (the workspace folder itself: each .ann beside its .txt). */
  target: string;
  /** brat: overwrite .ann files (and annotation.conf) that are already there. */
  force?: boolean;
}

export interface ExportResult {
  /** Every file written, as URIs (for brat: the .ann files, any .txt copies, then annotation.conf). */
  files: string[];
  /** What was done, for a notification: "Exported 5 documents as JSONL to corpus.jsonl." */
  message: string;
}

/**
 * The error code of a brat export that would overwrite files (without `force`); the error's data is
 * `{ existing: string[] }`, the URIs in the way. Nothing was written.
 */
export const EXPORT_WOULD_OVERWRITE = 10_001;

export interface ExportRefusal {
  existing: string[];
}

/** `corpusLens/export`: writes the corpus of one workspace folder, user annotations applied, in one of the export formats. */
export const ExportRequest: Request<ExportParams, ExportResult> = { method: 'corpusLens/export' };

export interface OrphanedAnnotation {
  /** The document the annotation belongs to. */
  uri: string;
  /**
   * 'text': the document no longer has the text it marked; 'document': the store names a document
   * that is not in the corpus (deleted, or moved where Corpus Lens could not follow it).
   */
  reason: 'text' | 'document';
  /** Its id in the store (for `corpusLens/removeAnnotation`). */
  id: string;
  /** The annotation's kind: 'entity', 'not-entity', 'date', … */
  kind: string;
  /** The text it marked, as quoted in the store. */
  exact: string;
  /** What it said, in words: "a person", "not an entity", "the date 2024-03-05". */
  description: string;
}

export interface OrphansParams {
  /** Only this document's; every document's when omitted. */
  uri?: string;
}

/**
 * `corpusLens/orphans`: user annotations that no longer fit their document's text, by document then
 * position in the store, then those whose document is not in the corpus (not while indexing).
 */
export const OrphansRequest: Request<OrphansParams | null, OrphanedAnnotation[]> = { method: 'corpusLens/orphans' };

export interface MoveCandidatesParams {
  /** A document the store names (missing or not). */
  uri: string;
}

export interface MoveCandidate {
  uri: string;
  /** How many of the document's quoted texts, with their context, this document holds, of how many. */
  fits: number;
  total: number;
}

/** `corpusLens/moveCandidates`: corpus documents without annotations of their own that hold the document's quotes, best first. */
export const MoveCandidatesRequest: Request<MoveCandidatesParams, MoveCandidate[]> = { method: 'corpusLens/moveCandidates' };

export interface MoveAnnotationsParams {
  /** The document the store names now. */
  from: string;
  /** The corpus document the annotations belong to. */
  to: string;
}

/** `corpusLens/moveAnnotations`: points a document's annotations (and reviewed state) at another document; answers how many moved. */
export const MoveAnnotationsRequest: Request<MoveAnnotationsParams, number> = { method: 'corpusLens/moveAnnotations' };

/**
 * Node options the server runs best with: a young generation twice the default, so more of the
 * short-lived objects of linking and joining 10,000 articles die young instead of being promoted
 * and collected with the whole heap. In a side-by-side run, 64 MB joined no faster than 32 MB
 * (3.5–5.5 s either way), and a larger young generation only raises peak memory. Other editors
 * may pass them too.
 */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=32'];
