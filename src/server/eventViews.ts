// What the Events view and the timeline ask for, answered from an index of the events built once per
// list of events and filter (the corpus gives a new list whenever its events change): no answer
// grows with the corpus, and opening a group costs a lookup, not a pass over every event.
import { eventSources, EventTree, TimelineIndex, type Corpus, type CorpusEvent, type LaneInfo, type LaneMode } from '../core/index.js';
import type { EventTreeLevel, EventTreeParams, TimelineParams, TimelineWindow } from '../protocol.js';
import { documentTitle } from './eventSummary.js';

/** Events of a group given at once, by default and at most. */
const PAGE = 200;
const MAX_PAGE = 1000;
/** The timeline's events drawn one by one, and lanes sent, by default and at most. */
const TIMELINE_EVENTS = 400;
const MAX_TIMELINE_EVENTS = 2000;
const TIMELINE_LANES = 40;
const MAX_TIMELINE_LANES = 200;

const clamp = (value: number | undefined, fallback: number, max: number) => Math.min(max, Math.max(1, Math.floor(value ?? fallback)));

export class EventViews {
  private tree: { events: readonly CorpusEvent[]; key: string; tree: EventTree } | null = null;
  /** Lanes carry entity names: the index follows the linking too. */
  private timeline: { events: readonly CorpusEvent[]; links: object; index: TimelineIndex; documents: number } | null = null;

  /** Lanes by key: the timeline's index asks for an event's lanes once per event. */
  private readonly entityLanes = new Lanes();
  private readonly documentLanes = new Lanes();
  /**
   * The lane modes the timeline's index is built with ahead of requests, both, whether the timeline
   * was opened or not: at 10,000 documents a mode's lanes cost a request more than 100 ms, and the
   * first window or change of lanes would wait for them (a few tenths of a second of steps after
   * each change of the events, between requests).
   */
  private readonly ahead: readonly LaneMode[] = ['participant', 'document'];

  constructor(private readonly corpus: Corpus, private readonly summary: (e: CorpusEvent, brief: boolean) => EventTreeLevel['events'][number]) {}

  /** The events the filter keeps, in the corpus's order: all, an entity's, or a document's. */
  filtered(params: { entity?: string; uri?: string } | undefined): readonly CorpusEvent[] {
    if (params?.entity) {
      const events = this.corpus.eventsOf(params.entity);
      return params.uri ? events.filter((e) => e.mentions.some((m) => m.path === params.uri)) : events;
    }
    return params?.uri ? this.corpus.eventsIn(params.uri) : this.corpus.events();
  }

  eventTree(params: EventTreeParams | undefined): EventTreeLevel {
    const events = this.filtered(params);
    const key = `${params?.entity ?? ''}\u0000${params?.uri ?? ''}`;
    if (this.tree?.events !== events || this.tree.key !== key) this.tree = { events, key, tree: new EventTree(events) };
    const limit = clamp(params?.limit, PAGE, MAX_PAGE);
    const level = this.tree.tree.level(params?.group, Math.max(0, Math.floor(params?.offset ?? 0)), limit);
    return { groups: level.groups, events: level.events.map((e) => this.summary(e, true)), total: level.total, joining: !this.corpus.eventsJoined };
  }

  timelineWindow(params: TimelineParams | undefined): TimelineWindow {
    const lanes: LaneMode = params?.lanes === 'document' ? 'document' : 'participant';
    const window = params?.window && Number.isFinite(params.window.start) && Number.isFinite(params.window.end) ? params.window : undefined;
    const answer = this.timelineIndex().answer({
      lanes,
      window,
      around: typeof params?.around === 'string' ? params.around : undefined,
      maxEvents: clamp(params?.maxEvents, TIMELINE_EVENTS, MAX_TIMELINE_EVENTS),
      maxLanes: clamp(params?.maxLanes, TIMELINE_LANES, MAX_TIMELINE_LANES),
    });
    return { ...answer, joining: !this.corpus.eventsJoined };
  }

  /**
   * Builds the timeline's index a step further, ahead of requests (the corpus caught up): a request
   * then finds it built; true once built.
   */
  timelineStep(): boolean {
    return this.timelineIndex().step();
  }

  /** The timeline's index is not built for the corpus as it is (asked once the corpus is up to date: it reads its events; a new index costs nothing until built). */
  timelineDue(): boolean {
    return !this.timelineIndex().complete;
  }

  /** The timeline's index of the corpus's events as they are now (being built, or built). */
  private timelineIndex(): TimelineIndex {
    const events = this.corpus.events();
    const links = this.corpus.linked();
    const documents = this.corpus.inputs.revision;
    if (this.timeline?.events !== events || this.timeline.links !== links) {
      this.timeline = { events, links, documents, index: new TimelineIndex(events, (e, mode) => this.lanesOf(e, mode), (e) => this.detailOf(e), this.ahead) };
    } else if (this.timeline.documents !== documents) {
      // A document's title may have changed with the same events: its lanes are named again.
      this.timeline.index.refreshLanes('document');
      this.timeline.documents = documents;
    }
    return this.timeline.index;
  }

  /** A short line under an event: its kind, how many documents report it and which first, its first participants. */
  private detailOf(e: CorpusEvent): string {
    const byId = this.corpus.linked().byId;
    const kind = e.kind[0]!.toUpperCase() + e.kind.slice(1);
    const who = e.participants.slice(0, 3).map((id) => byId.get(id)?.name ?? id);
    const more = e.participants.length > 3 ? ` +${e.participants.length - 3}` : '';
    const { documents, first } = eventSources(e, (path) => this.corpus.inputs.document(path)?.analysis.dct ?? null);
    const told = documents === 1 ? `1 document: ${documentTitle(this.corpus, first.path)}`
      : `${documents} documents, first ${documentTitle(this.corpus, first.path)}${first.date ? ` (${first.date})` : ''}`;
    return [kind, told, who.length > 0 ? `${who.join(', ')}${more}` : null].filter(Boolean).join(' · ');
  }

  /** An event's lanes: its participants (by name), or the documents reporting it (by title). */
  private lanesOf(e: CorpusEvent, mode: LaneMode): LaneInfo[] {
    const lanes: LaneInfo[] = [];
    if (mode === 'participant') {
      for (const id of e.participants) {
        const lane = this.entityLanes.get(id, this.corpus.linked(), () => {
          const entity = this.corpus.linked().byId.get(id);
          return entity ? { key: `entity:${id}`, label: entity.name, detail: entity.type } : null;
        });
        if (lane) lanes.push(lane);
      }
      return lanes.length > 0 ? lanes : [NO_PARTICIPANT];
    }
    for (let k = 0; k < e.mentions.length; k++) {
      const path = e.mentions[k].path;
      if (k > 0 && e.mentions[k - 1].path === path) continue;
      lanes.push(this.documentLanes.get(path, this.corpus.inputs.revision, () => ({ key: `document:${path}`, label: documentTitle(this.corpus, path), detail: decodeURIComponent(path.split('/').pop() ?? path) }))!);
    }
    return lanes.length > 0 ? lanes : [NO_DOCUMENT];
  }
}

/** Lanes made once while what names them (the links, the documents) stays the same. */
class Lanes {
  private namedBy: unknown = null;
  private readonly lanes = new Map<string, LaneInfo | null>();

  /** The lane of an entity id or a document path. */
  get(key: string, namedBy: unknown, make: () => LaneInfo | null): LaneInfo | null {
    if (this.namedBy !== namedBy) {
      this.namedBy = namedBy;
      this.lanes.clear();
    }
    let lane = this.lanes.get(key);
    if (lane === undefined) this.lanes.set(key, (lane = make()));
    return lane;
  }
}

const NO_PARTICIPANT: LaneInfo = { key: 'entity:none', label: 'No participant', detail: 'Events whose participants were not recognised' };
const NO_DOCUMENT: LaneInfo = { key: 'document:none', label: 'No document', detail: 'Events with no report the server could place' };
