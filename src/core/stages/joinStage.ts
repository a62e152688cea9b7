// The joining stage: one incremental joiner for the corpus's life. It takes what the linking stage
// changed (units whose mention lists are new, units whose mentions now point at other entities,
// entities renamed) and what the analysis stage changed (units whose event mentions are new), and
// joins again only the reports those touch. It alone knows which inputs it is current with.
import type { CorpusDocument, Inputs } from '../corpus/inputs.js';
import type { LinkedMention } from '../entities/link.js';
import type { EventMention } from '../events/extract.js';
import type { EventInput } from '../events/join.js';
import { IncrementalJoiner, reportChange, type ReportChange } from '../events/incrementalJoin.js';
import type { AnalysisStage } from './analysisStage.js';
import type { LinkStage } from './linkStage.js';
import { drain, type StageWork } from './work.js';
import { StepMeter } from '../corpus/stepMeter.js';

/** What joining read of a document (or passage of a long one): its reports, and its mentions' entities. */
interface JoinRead {
  events: EventMention[];
  mentions: LinkedMention[] | undefined;
  skipped: boolean;
}

export class JoinStage {
  private readonly joiner = new IncrementalJoiner();
  /** True once the first join ended: until then, no events. */
  private joinedOnce = false;
  /** The inputs' revision the events reflect; -1 before the first join. */
  private at = -1;
  /** What the joiner last read of each unit. */
  private readonly read = new Map<string, JoinRead>();
  private work: StageWork | null = null;

  constructor(private readonly inputs: Inputs, private readonly analysis: AnalysisStage, private readonly link: LinkStage) {}

  /** A change of more than this many reports is not waited for (see LinkStage.large). */
  large = Infinity;

  /** True when the events reflect every change of the inputs. */
  get current(): boolean {
    return this.joinedOnce && this.at === this.inputs.revision;
  }

  /** False until the corpus's events are first joined. */
  get joined(): boolean {
    return this.joinedOnce;
  }

  /** The joiner, up to date (or, for a large change with `large` set, as before it: none before the first join). */
  events(): IncrementalJoiner {
    if (this.current) return this.joiner;
    if (this.large < Infinity) {
      this.link.linked();
      if (!this.link.current) return this.joinedOnce ? this.joiner : NO_EVENTS;
      this.work ??= this.start();
      if (this.work.size > this.large) return this.joinedOnce ? this.joiner : NO_EVENTS;
    }
    this.joinNow();
    return this.joiner;
  }

  /** One step of joining (links must be current; false: already current). */
  step(): boolean {
    if (this.current) return false;
    this.work ??= this.start();
    if (this.work.steps.next().done) this.work = null;
    return true;
  }

  /** Links and joins whatever is left, now. */
  private joinNow(): void {
    this.link.linkNow();
    while (!this.current) {
      this.work ??= this.start();
      drain(this.work.steps);
      this.work = null;
    }
  }

  /**
   * The steps of joining the units whose reports or links changed (links must be current); their
   * reports are made as the joiner takes them.
   */
  private start(): StageWork {
    const linked = this.link.linked();
    const revision = this.link.linkedAt;
    const { repointed, names } = this.link.takeChanges();
    const changed: Array<{ key: string; doc: CorpusDocument | null; events: EventMention[]; mentions: LinkedMention[] | undefined }> = [];
    const live = new Set<string>();
    let size = 0;
    for (const doc of this.inputs.all()) {
      for (const unit of this.analysis.reportUnits(doc)) {
        live.add(unit.key);
        const mentions = linked.mentionsByPath.get(unit.key);
        const from = this.read.get(unit.key);
        if (from && from.events === unit.items && from.mentions === mentions && from.skipped === doc.skipped && !repointed.has(unit.key)) continue;
        this.read.set(unit.key, { events: unit.items, mentions, skipped: doc.skipped });
        changed.push({ key: unit.key, doc, events: unit.items, mentions });
        size += unit.items.length;
      }
    }
    for (const key of this.read.keys()) {
      if (live.has(key)) continue;
      this.read.delete(key);
      changed.push({ key, doc: null, events: [], mentions: undefined });
    }
    const joiner = this.joiner;
    const steps = (function* (stage: JoinStage) {
      // The units' reports, a few units a step (a long document's passages: thousands of reports).
      const meter = new StepMeter(REPORTS_STEP);
      const changes: ReportChange[] = [];
      for (const { key, doc, events, mentions } of changed) {
        if (!doc) changes.push({ path: key, reports: null });
        else if (doc.skipped) changes.push({ path: key, reports: [] });
        else {
          const input: EventInput = { path: doc.path, dct: doc.analysis.dct, events, mentions: mentions ?? [], text: doc.text };
          changes.push(reportChange(key, input));
        }
        // Reports made from the unit's event mentions, found by the start of its entity mentions.
        if (meter.add(1 + events.length * 4 + (mentions?.length ?? 0))) yield;
      }
      meter.end();
      yield* joiner.applySteps(changes, linked.byId, names);
      stage.joinedOnce = true;
      stage.at = revision;
    })(this);
    return { steps, size };
  }
}

/** A unit's reports made per step, counted in entity mentions read (an event mention reads about four). */
const REPORTS_STEP = 2000;

/** What events() gives while the first join is under way (never applied: no events). */
const NO_EVENTS = new IncrementalJoiner();
