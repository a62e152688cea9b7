// The linking stage: one incremental linker for the corpus's life. It takes what the analysis
// stage changed (the units whose mention lists are new or gone: a hand link or "not an entity"
// makes its document's list anew) and the user's merges and names, and hands on its result and,
// through takeChanges(), what changed beyond the lists. It alone knows which inputs it is current
// with (`linkedAt`); no decision rebuilds it.
import type { EntityDecision, Inputs } from '../corpus/inputs.js';
import type { EntityNameAnnotation, MergeAnnotation } from '../annotations/store.js';
import { IncrementalLinker } from '../entities/incrementalLink.js';
import type { LinkDecisions, LinkedMention, LinkInput, LinkResult } from '../entities/link.js';
import type { AnalysisStage } from './analysisStage.js';
import { drain, type StageWork } from './work.js';

export class LinkStage {
  private readonly linker = new IncrementalLinker();
  /** The decisions the linker was last given (compared by identity: the inputs replace them as a whole). */
  private decided: readonly EntityDecision[] | null = null;
  private links: LinkResult | null = null;
  /** The inputs' revision the links reflect; -1 before the first linking. */
  private at = -1;
  private work: StageWork | null = null;
  /** A long document's linked mentions, gathered from its passages' (cleared whenever linking moves). */
  private readonly mentionLists = new Map<string, LinkedMention[]>();

  constructor(private readonly inputs: Inputs, private readonly analysis: AnalysisStage) {}

  /** The inputs' revision the links reflect (-1: never linked). */
  get linkedAt(): number {
    return this.at;
  }

  /** True when the links reflect every change of the inputs. */
  get current(): boolean {
    return !!this.links && this.at === this.inputs.revision;
  }

  /**
   * A change of more than this many mentions is not waited for: the links from before it answer,
   * and step() takes it (see Corpus.deferLargeChanges).
   */
  large = Infinity;

  /** Entities linked across the corpus; after a change, only what the changes touch is linked again. */
  linked(): LinkResult {
    if (this.current) return this.links!;
    if (this.large < Infinity && this.links) {
      this.work ??= this.start();
      if (this.work.size > this.large) return this.links;
    }
    this.linkNow();
    return this.links!;
  }

  /** The document changed in a change not linked yet (linked() answered from before it). */
  awaits(path: string): boolean {
    this.linked();
    return !this.current && this.inputs.updatedAt(path) > this.at;
  }

  /** One step of linking (false: already current). */
  step(): boolean {
    if (this.current) return false;
    if (!this.links) this.linkNow();
    else {
      this.work ??= this.start();
      if (this.work.steps.next().done) this.work = null;
    }
    return true;
  }

  /** Links whatever is left to link, now. */
  linkNow(): void {
    while (!this.current) {
      this.work ??= this.start();
      drain(this.work.steps);
      this.work = null;
    }
  }

  /** What changed beyond the documents' own mention lists since the last call (see IncrementalLinker.takeChanges). */
  takeChanges(): { repointed: Set<string>; names: Set<string> } {
    return this.linker.takeChanges();
  }

  /** The entity mentions of one document, in text order, with their entities. */
  mentions(path: string): LinkedMention[] {
    const byUnit = this.linked().mentionsByPath;
    const doc = this.inputs.document(path);
    if (!doc || (doc.analysis.passages?.length ?? 1) <= 1) return byUnit.get(path) ?? [];
    // A long document's, gathered from its passages (once per linking).
    let list = this.mentionLists.get(path);
    if (!list) this.mentionLists.set(path, (list = this.analysis.linkUnits(doc).flatMap((unit) => byUnit.get(unit.key) ?? [])));
    return list;
  }

  /**
   * The steps of bringing the linker up to date: the decisions if they changed, then the units
   * (documents, passages of long ones) whose mentions it does not have, ending with the links in
   * place. No other linking may start before they end.
   */
  private start(): StageWork {
    const linker = this.linker;
    const decisions = this.inputs.entityDecisions();
    if (decisions !== this.decided) {
      this.decided = decisions;
      linker.decide(linkDecisions(decisions));
    }
    const changes: Array<LinkInput | { path: string; mentions: null }> = [];
    const live = new Set<string>();
    let size = 0;
    for (const doc of this.inputs.all()) {
      for (const unit of this.analysis.linkUnits(doc)) {
        live.add(unit.key);
        if (linker.mentionsOf(unit.key) === unit.items) continue;
        changes.push({ path: unit.key, document: doc.path, mentions: unit.items });
        size += unit.items.length;
      }
    }
    for (const key of linker.paths()) if (!live.has(key)) changes.push({ path: key, mentions: null });
    const revision = this.inputs.revision;
    const steps = (function* (stage: LinkStage) {
      yield* linker.applySteps(changes);
      stage.finish(linker.result(), revision);
    })(this);
    return { steps, size };
  }

  private finish(links: LinkResult, revision: number): void {
    this.links = links;
    this.at = revision;
    this.mentionLists.clear();
  }
}

/** The user's merges and names of entities, as the linker takes them. */
function linkDecisions(decisions: readonly EntityDecision[]): LinkDecisions {
  const merges: MergeAnnotation[] = [];
  const names: EntityNameAnnotation[] = [];
  for (const a of decisions) {
    if (a.kind === 'merge') merges.push(a);
    else names.push(a);
  }
  return { merges, names };
}
