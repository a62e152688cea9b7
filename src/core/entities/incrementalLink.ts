// Linking that follows changes: when one document changes, only its mentions are keyed again (and
// those of documents whose keys depend on a corpus-wide fact it changed: an acronym's definition,
// a person's preferred spelling, who bears a surname), and only the entities they touch are
// described again. The user's decisions are applied on top, to the few entities they name: a
// mention linked by hand and an entity merged into another join the entity they name, an entity
// renamed takes its new name (see `settle`). The result equals linking the whole corpus from
// scratch (a property test checks it after random edits, with links and merges, against a small
// reference linker); a keystroke in one article of 10,000 costs that article, not the corpus.
import type { EntityType } from './recognize.js';
import {
  acronymDefinitions, addCounts, countPerson, countryKey, describeEntity, entityPart, keyMention, mergeSpellings,
  movedOnly, normalise, personNames, slug, surnameOwnersOf, surnameSignature, swapPart, variantsOf,
  type Entity, type EntityPart, type KeyContext, type LinkDecisions, type LinkedMention, type LinkInput, type LinkMention, type LinkResult, type PersonCount, type VariantSpelling,
} from './link.js';
import { StepMeter } from '../corpus/stepMeter.js';

/** Links a corpus at once (hand links included: see settle). */
export function linkEntities(inputs: LinkInput[]): LinkResult {
  return new IncrementalLinker().apply(inputs).result();
}

/** One document's mentions of one entity. */
interface Member {
  group: Group;
  /** Its place in the group's members. */
  index: number;
  part: EntityPart;
  /** Position of its first mention in the document: with the path, where the entity first appears. */
  first: number;
  /** Keyed since the entity was last described: its mentions still need the entity's id. */
  fresh: boolean;
}

interface DocState {
  /** The document, or a passage of a long one. */
  path: string;
  /** The document its mentions are in. */
  document: string;
  mentions: LinkMention[];
  norms: string[];
  acronyms: Map<string, { key: string; type: EntityType }>;
  persons: Map<string, number>;
  /** Its part in each entity its mentions went to. */
  members: Member[];
  /** Its linked mentions, one for each of `mentions` (same order), once keyed. */
  outs: LinkedMention[];
  /** Where in `mentions` the user linked a mention to an entity by hand (`linkedEntity`). */
  linkedAt: number[];
}

interface Group {
  key: string;
  type: EntityType;
  /**
   * Its mentions, one member per document, in no particular order: a document is always keyed as a
   * whole, so its member is replaced as a whole. A list, not a map by path: 600,000 members of
   * 5,000 groups at 10,000 documents cost ~0.4 s to insert into as many maps, and memory.
   */
  members: Member[];
  /** How often each form occurs across the members, kept as members come and go. */
  texts: Map<string, number>;
  /** How many mentions it has. */
  count: number;
  entity: Entity | null;
  /** `type:slug(name)`; entities sharing it get -2, -3 … in corpus order. */
  base: string;
  country: string | undefined;
  variants: VariantSpelling[];
  /** Merged into another entity by the user: that entity's id (its mentions carry it). */
  redirect: string | null;
  /** The entity the user's decisions made of this one and those merged or linked into it. */
  combined: Combined | null;
  /** Named in the user's decisions when last settled: never updated in place (see movedInPlace). */
  decided: boolean;
}

/** What the user's decisions make one entity of (see `settle`). */
interface Plan {
  id: string;
  /** The group whose own id it is, if any. */
  target: Group | null;
  /** Groups merged into it. */
  sources: Group[];
  /** Mentions linked to it by hand, in corpus order. */
  linked: Array<{ doc: DocState; index: number }>;
}

/** An entity of the user's decisions, as last described. */
interface Combined {
  id: string;
  target: Group | null;
  sources: Group[];
  linked: LinkedMention[];
  entity: Entity;
  count: number;
  country: string | undefined;
  variants: VariantSpelling[];
}

export class IncrementalLinker {
  private readonly docs = new Map<string, DocState>();
  private readonly acronymDocs = new Map<string, Set<string>>();
  private readonly personCounts = new Map<string, PersonCount>();
  private context: KeyContext = { acronyms: new Map(), preferred: new Map(), surnameOwners: new Map(), personCounts: this.personCounts };
  private surnameSignatures = new Map<string, string>();
  private readonly groups = new Map<string, Group>();
  private readonly dirty = new Set<string>();
  /** Members taken out by `unkey` during an `apply`, by key and path: dirty unless keyed back as they were. */
  private readonly unkeyed = new Map<string, Map<string, Member>>();
  private readonly keysByBase = new Map<string, Set<string>>();
  /** Entities by id, as consumers see them: the user's decisions applied. */
  private readonly byId = new Map<string, Entity>();
  /** Groups by the id linking gave them, before the user's decisions (what merges and links name). */
  private readonly groupById = new Map<string, Group>();
  /** Merges (`from` → `into`) and names, from the user (see decide). */
  private into = new Map<string, string>();
  private names = new Map<string, NameDecision>();
  /** The decisions changed since they were last settled. */
  private undecided = false;
  /** The entities given the user's names, by id, with the name given and what linking gave them. */
  private readonly named = new Map<string, { entity: Entity; given: NameDecision; name: string; aliases: string[]; description: string | undefined }>();
  /** Documents with mentions linked by hand. */
  private readonly linkedDocs = new Set<string>();
  /** The entities the user's decisions made, by id. */
  private combined = new Map<string, Combined>();
  /** Person names were counted again since the decisions were last settled (spelling statistics moved). */
  private personsCounted = false;
  private readonly mentionsByPath = new Map<string, LinkedMention[]>();
  /** Documents' new mention lists (null: none), put in mentionsByPath when their entities are described. */
  private readonly nextLists = new Map<string, LinkedMention[] | null>();
  private cached: LinkResult | null = null;
  /** Since the last takeChanges(): documents whose mentions now point at another entity id, and entities whose name changed. */
  private repointed = new Set<string>();
  private renamed = new Set<string>();
  /** What applySteps takes per step (see WEIGHT). */
  readonly meter = new StepMeter(STEP_SIZE);

  constructor(decisions: LinkDecisions = {}) {
    this.decide(decisions);
  }

  /**
   * Takes the user's merges and names in place of those it had: only the entities they name, now
   * or before, are combined or named again (when next described: takeChanges, result). Hand links
   * come with the documents' mentions (`linkedEntity`). Not while applySteps is under way.
   */
  decide(decisions: LinkDecisions): this {
    this.into = new Map((decisions.merges ?? []).map((m) => [m.from, m.into]));
    // One name per entity, the last given.
    this.names = new Map((decisions.names ?? []).map((a) => [a.entity, a]));
    this.undecided = true;
    this.cached = null;
    return this;
  }

  /**
   * What changed beyond the documents' own mention lists since the last call, then resets: the
   * documents whose mentions were given another entity id in place (their lists are the same
   * arrays), and the ids of entities whose name changed. Documents keyed again get new lists.
   */
  takeChanges(): { repointed: Set<string>; names: Set<string> } {
    this.describeDirty();
    const changes = { repointed: this.repointed, names: this.renamed };
    this.repointed = new Set();
    this.renamed = new Set();
    return changes;
  }

  /** The mentions it has of a document (or passage of a long one): what it last took for it. */
  mentionsOf(path: string): readonly LinkMention[] | undefined {
    return this.docs.get(path)?.mentions;
  }

  /** The documents (and passages of long ones) it has. */
  paths(): IterableIterator<string> {
    return this.docs.keys();
  }

  /** Documents (or passages of long ones) added, changed (their mentions) or removed (null). */
  apply(changes: Iterable<LinkInput | { path: string; document?: string; mentions: null }>): this {
    for (const step of this.applySteps(changes)) void step;
    return this;
  }

  /**
   * apply(), a step at a time (a few thousand mentions keyed, or entities described, per step):
   * between two steps the last result() answers as before the call (its maps change in the last
   * step only), so a long document is linked without holding the caller for seconds. No other
   * call may come until the steps are all taken.
   */
  *applySteps(changes: Iterable<LinkInput | { path: string; document?: string; mentions: null }>): Generator<void, void> {
    const meter = this.meter;
    const changed = new Map<string, DocState>();
    let contributions = false;
    for (const change of changes) {
      const old = this.docs.get(change.path);
      const next = change.mentions ? this.prepare(change.path, change.document ?? change.path, change.mentions) : null;
      if (old) {
        meter.add(old.members.length * WEIGHT.member);
        this.unkey(old);
        this.unindex(old);
        this.docs.delete(old.path);
      }
      if (next) {
        this.docs.set(next.path, next);
        this.index(next);
        changed.set(next.path, next);
      } else changed.delete(change.path);
      if (!old || !next || !sameContributions(old, next)) {
        contributions = true;
        if (old) this.count(old, -1);
        if (next) this.count(next, 1);
      }
      if (meter.add(WEIGHT.document + (next?.mentions.length ?? 0) * WEIGHT.prepared)) yield;
    }
    if (changed.size === 0 && !contributions) {
      meter.end();
      return;
    }
    const again = contributions ? yield* this.refreshContext() : [];
    for (const path of again) {
      if (changed.has(path)) continue;
      const doc = this.docs.get(path)!;
      if (meter.add(WEIGHT.document + doc.members.length * WEIGHT.member)) yield;
      this.unkey(doc);
      changed.set(path, doc);
    }
    meter.end();
    yield;
    for (const doc of changed.values()) {
      this.key(doc);
      if (meter.add(WEIGHT.document + doc.mentions.length * WEIGHT.keyed)) yield;
    }
    for (const [key, members] of this.unkeyed) {
      if (members.size > 0) this.dirty.add(key);
      if (meter.add(WEIGHT.member)) yield;
    }
    this.unkeyed.clear();
    this.cached = null;
    // Entities described a step at a time, their new mentions given their ids (lists nobody reads
    // yet); then, at once, put where readers see them.
    const made = new Map<Group, Made>();
    for (const key of this.dirty) {
      const group = this.groups.get(key);
      if (!group || group.members.length === 0) continue;
      const entity = describeEntity(group.entity?.id ?? '', group.type, key, group.members.map((m) => m.part), group.texts);
      if (!entity.id) entity.id = baseOf(group.type, entity.name);
      let work = WEIGHT.group + group.members.length * WEIGHT.member + group.texts.size * WEIGHT.text;
      for (const member of group.members) {
        if (!member.fresh) continue;
        for (const m of member.part.mentions) m.entity = entity.id;
        member.fresh = false;
        work += member.part.mentions.length * WEIGHT.mention;
      }
      // A person's spelling variants read all its mentions (each tested for a space).
      if (entity.type === 'PERSON') work += entity.mentions.length * WEIGHT.spelling;
      let count = 0;
      for (const n of group.texts.values()) count += n;
      made.set(group, { entity, variants: entity.type === 'PERSON' ? variantsOf(entity, this.personCounts) : [], base: baseOf(group.type, entity.name), count });
      if (meter.add(work)) yield;
    }
    this.describeDirty(made);
    meter.end();
  }

  result(): LinkResult {
    if (this.cached) return this.cached;
    this.describeDirty();
    // Entities as the user's decisions leave them: those merged away gone, the combined ones in place.
    const shown: Array<Group | Combined> = [];
    for (const g of this.groups.values()) if (!g.redirect) shown.push(g.combined ?? g);
    for (const c of this.combined.values()) if (!c.target) shown.push(c);
    shown.sort((a, b) => b.count - a.count || (a.entity!.id < b.entity!.id ? -1 : 1));
    for (const s of shown) {
      // A nationality word points at its country's entity when the corpus has one.
      if (s.entity!.type !== 'NORP' || !s.country) continue;
      const place = this.groups.get(countryKey(s.country));
      s.entity!.country = place ? place.redirect ?? place.entity!.id : s.country;
    }
    this.cached = { entities: shown.map((s) => s.entity!), byId: this.byId, mentionsByPath: this.mentionsByPath, variants: shown.flatMap((s) => s.variants) };
    return this.cached;
  }

  private prepare(path: string, document: string, mentions: LinkMention[]): DocState {
    return { path, document, mentions, norms: mentions.map((m) => normalise(m.text)), acronyms: acronymDefinitions(mentions), persons: personNames(mentions), members: [], outs: [], linkedAt: [] };
  }

  private index(doc: DocState): void {
    for (const acronym of doc.acronyms.keys()) addTo(this.acronymDocs, acronym, doc.path);
  }

  private unindex(doc: DocState): void {
    for (const acronym of doc.acronyms.keys()) deleteFrom(this.acronymDocs, acronym, doc.path);
  }

  private count(doc: DocState, sign: 1 | -1): void {
    if (doc.persons.size > 0) this.personsCounted = true;
    for (const [name, n] of doc.persons) {
      countPerson(this.personCounts, name, doc.document, sign * n);
      const entry = this.personCounts.get(name)!;
      if (entry.documents.get(doc.document) === 0) entry.documents.delete(doc.document);
      if (entry.count === 0) this.personCounts.delete(name);
      // The spelling statistics in this person's variant diagnostics change.
      this.dirty.add(`PERSON:${this.context.preferred.get(name) ?? name}`);
    }
  }

  /**
   * Recomputes the corpus-wide facts keys depend on, and returns the documents using a text whose
   * fact changed (they must be keyed again).
   */
  private *refreshContext(): Generator<void, Set<string>> {
    const meter = this.meter;
    const old = this.context;
    const acronyms = new Map<string, { key: string; type: EntityType }>();
    for (const [acronym, paths] of this.acronymDocs) {
      let first = '';
      for (const path of paths) if (!first || path < first) first = path;
      acronyms.set(acronym, this.docs.get(first)!.acronyms.get(acronym)!);
      if (meter.add(paths.size * WEIGHT.element)) yield;
    }
    const preferred = mergeSpellings(this.personCounts);
    const surnameOwners = surnameOwnersOf(this.personCounts, preferred);
    const signatures = new Map<string, string>();
    for (const [surname, owners] of surnameOwners) signatures.set(surname, surnameSignature(owners, this.personCounts));
    const texts = new Set<string>();
    for (const acronym of new Set([...old.acronyms.keys(), ...acronyms.keys()])) {
      const a = old.acronyms.get(acronym);
      const b = acronyms.get(acronym);
      if (a?.key !== b?.key || a?.type !== b?.type) texts.add(normalise(acronym));
    }
    for (const name of new Set([...old.preferred.keys(), ...preferred.keys()])) {
      if (old.preferred.get(name) !== preferred.get(name)) texts.add(name);
    }
    for (const surname of new Set([...this.surnameSignatures.keys(), ...signatures.keys()])) {
      if (this.surnameSignatures.get(surname) !== signatures.get(surname)) texts.add(surname);
    }
    this.context = { acronyms, preferred, surnameOwners, personCounts: this.personCounts };
    this.surnameSignatures = signatures;
    const again = new Set<string>();
    // A scan rather than an index of texts to documents: it runs only when names or acronym
    // definitions changed, and an index would hold half a million entries at 10,000 documents.
    if (texts.size > 0) {
      for (const doc of this.docs.values()) {
        if (doc.norms.some((n) => texts.has(n))) again.add(doc.path);
        if (meter.add(WEIGHT.document + doc.norms.length * WEIGHT.element)) yield;
      }
    }
    return again;
  }

  private key(doc: DocState): void {
    // namesHere(doc.mentions, preferred), from the names counted already: no second pass over the mentions.
    const here = new Set<string>();
    for (const name of doc.persons.keys()) here.add(this.context.preferred.get(name) ?? name);
    const byKey = new Map<string, { type: EntityType; first: number; inputs: LinkMention[]; mentions: LinkedMention[] }>();
    const outs: LinkedMention[] = [];
    doc.outs = outs;
    doc.linkedAt = [];
    doc.mentions.forEach((m, index) => {
      const mention: LinkedMention = { path: doc.document, start: m.start, end: m.end, text: m.text, type: m.type, entity: '', sentence: m.sentence, source: m.source ?? 'auto' };
      outs.push(mention);
      // Linked by hand: it joins the entity it names (see settle), whatever its text says.
      if (m.linkedEntity) return void doc.linkedAt.push(index);
      const { key, type } = keyMention(m, doc.norms[index], here, this.context);
      mention.type = type;
      const entry = byKey.get(key) ?? { type, first: index, inputs: [], mentions: [] };
      entry.inputs.push(m);
      entry.mentions.push(mention);
      byKey.set(key, entry);
    });
    if (doc.linkedAt.length > 0) this.linkedDocs.add(doc.path);
    for (const [key, { type, first, inputs, mentions }] of byKey) {
      let group = this.groups.get(key);
      if (!group) {
        group = { key, type, members: [], texts: new Map(), count: 0, entity: null, base: '', country: undefined, variants: [], redirect: null, combined: null, decided: false };
        this.groups.set(key, group);
      }
      const part = entityPart(doc.path, inputs, mentions, doc.document);
      addCounts(group.texts, part.mentions, 1);
      const old = this.unkeyed.get(key)?.get(doc.path);
      this.unkeyed.get(key)?.delete(doc.path);
      const moved = !!old && this.movedInPlace(group, old, part, first);
      const member: Member = { group, index: group.members.length, part, first, fresh: !moved };
      group.members.push(member);
      doc.members.push(member);
      if (moved) for (const m of part.mentions) m.entity = group.entity!.id;
      else this.dirty.add(key);
    }
    if (outs.length > 0) this.nextLists.set(doc.path, inTextOrder(outs) ? outs : [...outs].sort((a, b) => a.start - b.start));
  }

  /**
   * A document keyed again whose part of this entity only moved (an edit before its mentions, or
   * elsewhere in its name-free text): the entity stays as described, with the new part swapped in.
   * Describing it again would read every document's part: thousands for a country, on each keystroke.
   */
  private movedInPlace(group: Group, old: Member, part: EntityPart, first: number): boolean {
    if (!group.entity || group.decided || this.dirty.has(group.key) || !movedOnly(old.part, part)) return false;
    // Spelling variants carry offsets; ids of names shared by entities follow first mentions.
    if (group.variants.length > 0) return false;
    if (old.first !== first && (this.keysByBase.get(group.base)?.size ?? 0) > 1) return false;
    return swapPart(group.entity, old.part, part);
  }

  private unkey(doc: DocState): void {
    for (const member of doc.members) {
      const { group, index } = member;
      addCounts(group.texts, member.part.mentions, -1);
      // The group's last member takes its place.
      const last = group.members.pop()!;
      if (last !== member) {
        group.members[index] = last;
        last.index = index;
      }
      // Dirty unless keyed back as it was (see `key`).
      let members = this.unkeyed.get(group.key);
      if (!members) this.unkeyed.set(group.key, (members = new Map()));
      members.set(doc.path, member);
    }
    doc.members = [];
    if (doc.linkedAt.length > 0) this.linkedDocs.delete(doc.path);
    this.nextLists.set(doc.path, null);
  }

  /**
   * Describes the entities whose mentions changed (`made`: those described already), settles the
   * ids of names they share, and puts the documents' new mention lists in place.
   */
  private describeDirty(made = new Map<Group, Made>()): void {
    if (this.dirty.size === 0 && this.nextLists.size === 0 && !this.undecided) return;
    this.undecided = false;
    const bases = new Set<string>();
    const described = new Set<Group>();
    for (const key of this.dirty) {
      const group = this.groups.get(key);
      if (!group) continue;
      if (group.entity) {
        this.byId.delete(group.entity.id);
        if (this.groupById.get(group.entity.id) === group) this.groupById.delete(group.entity.id);
      }
      if (group.members.length === 0) {
        deleteFrom(this.keysByBase, group.base, key);
        bases.add(group.base);
        this.groups.delete(key);
        continue;
      }
      // The id is settled below; describe with the one it had for now (applySteps described most already).
      const early = made.get(group);
      const entity = early?.entity ?? describeEntity(group.entity?.id ?? '', group.type, key, group.members.map((m) => m.part), group.texts);
      if (early) group.count = early.count;
      else {
        group.count = 0;
        for (const n of group.texts.values()) group.count += n;
      }
      const base = early?.base ?? baseOf(group.type, entity.name);
      if (base !== group.base) {
        if (group.base) deleteFrom(this.keysByBase, group.base, key);
        bases.add(group.base);
        addTo(this.keysByBase, base, key);
        group.base = base;
      }
      bases.add(base);
      if (!entity.id) entity.id = base;
      else if (group.entity && group.entity.name !== entity.name) this.renamed.add(entity.id);
      group.entity = entity;
      group.country = entity.country;
      described.add(group);
    }
    this.dirty.clear();
    bases.delete('');
    const renamed = new Set<Group>();
    for (const base of bases) {
      const sharing = [...(this.keysByBase.get(base) ?? [])].map((k) => this.groups.get(k)!).sort(byFirstMention);
      sharing.forEach((group, n) => {
        const entity = group.entity!;
        const id = n === 0 ? base : `${base}-${n + 1}`;
        if (entity.id === id) return;
        if (this.byId.get(entity.id) === entity) this.byId.delete(entity.id);
        if (this.groupById.get(entity.id) === group) this.groupById.delete(entity.id);
        entity.id = id;
        described.add(group);
        renamed.add(group);
      });
    }
    for (const group of described) {
      const entity = group.entity!;
      const moved = renamed.has(group);
      const early = made.get(group);
      if (moved) for (const member of group.members) this.repointed.add(member.part.path);
      // Described in applySteps and not renumbered: its members' mentions have their ids already.
      if (moved || !early || early.entity !== entity) {
        for (const member of group.members) {
          if (!member.fresh && !moved) continue;
          for (const m of member.part.mentions) m.entity = entity.id;
          member.fresh = false;
        }
      }
      this.byId.set(entity.id, entity);
      this.groupById.set(entity.id, group);
      group.variants = early && early.entity === entity && !moved ? early.variants : entity.type === 'PERSON' ? variantsOf(entity, this.personCounts) : [];
    }
    this.settle(described);
    this.applyNames();
    for (const [path, list] of this.nextLists) {
      if (list) this.mentionsByPath.set(path, list);
      else this.mentionsByPath.delete(path);
    }
    this.nextLists.clear();
  }

  /**
   * Applies the user's merges and hand links to the entities linking made: an entity merged into
   * another (by id, following chains) and a mention linked by hand join the entity of that id, or
   * make one of that id when linking gave none. Only those few entities are described again, and
   * only when one of theirs changed: a keystroke elsewhere costs nothing here. Ids stay the ones
   * linking gave, whatever name the combined entity takes.
   */
  private settle(described: Set<Group>): void {
    if (this.into.size === 0 && this.linkedDocs.size === 0 && this.combined.size === 0) return;
    const plans = new Map<string, Plan>();
    const planOf = (id: string) => {
      let plan = plans.get(id);
      if (!plan) plans.set(id, (plan = { id, target: this.groupById.get(id) ?? null, sources: [], linked: [] }));
      return plan;
    };
    for (const from of this.into.keys()) {
      const group = this.groupById.get(from);
      const id = this.follow(from);
      if (group && id !== from) planOf(id).sources.push(group);
    }
    for (const path of [...this.linkedDocs].sort()) {
      const doc = this.docs.get(path)!;
      for (const index of doc.linkedAt) planOf(this.follow(doc.mentions[index].linkedEntity!)).linked.push({ doc, index });
    }
    const old = this.combined;
    this.combined = new Map();
    // The names readers saw under the ids the decisions name, now or before: a change is a rename
    // (an entity linking described again was reported so in describeDirty).
    const shown = new Map<string, string | undefined>();
    for (const id of [...old.keys(), ...plans.keys()]) if (!shown.has(id)) shown.set(id, old.get(id)?.entity.name ?? this.byId.get(id)?.name);
    const sources = new Set([...plans.values()].flatMap((p) => p.sources));
    const kept = new Set([...sources, ...[...plans.values()].flatMap((p) => (p.target ? [p.target] : []))]);
    for (const c of old.values()) {
      if (this.byId.get(c.id) === c.entity) this.byId.delete(c.id);
      for (const group of c.target ? [c.target, ...c.sources] : c.sources) {
        group.combined = null;
        group.redirect = null;
        group.decided = false;
        if (this.groups.get(group.key) !== group) continue;
        // Its own again: its id and type back on its mentions, its entity back in byId.
        if (!kept.has(group)) this.point(group.members.map((m) => m.part), group.entity!.id, group.type);
        this.byId.set(group.entity!.id, group.entity!);
      }
    }
    const changed = this.personsCounted;
    this.personsCounted = false;
    for (const plan of plans.values()) {
      const linked = plan.linked.map(({ doc, index }) => doc.outs[index]);
      const prev = old.get(plan.id);
      const same = !!prev && prev.target === plan.target && sameItems(prev.sources, plan.sources) && sameItems(prev.linked, linked) &&
        !(plan.target && described.has(plan.target)) && !plan.sources.some((g) => described.has(g)) && !(changed && prev.entity.type === 'PERSON');
      const c = same ? prev! : this.combine(plan, linked);
      this.combined.set(plan.id, c);
      for (const group of plan.sources) {
        group.redirect = plan.id;
        group.decided = true;
        if (this.byId.get(group.entity!.id) === group.entity) this.byId.delete(group.entity!.id);
      }
      if (plan.target) {
        plan.target.combined = c;
        plan.target.decided = true;
      }
      this.byId.set(plan.id, c.entity);
    }
    for (const [id, name] of shown) if (name !== undefined && this.byId.has(id) && this.byId.get(id)!.name !== name) this.renamed.add(id);
  }

  /** The entity of a plan: one part per document, its mentions given its id and type. */
  private combine(plan: Plan, linked: LinkedMention[]): Combined {
    // What each document gives it: parts of the groups, mentions linked by hand.
    const byPath = new Map<string, { parts: Array<{ group: Group; part: EntityPart }>; linked: number[] }>();
    const entry = (path: string) => {
      let e = byPath.get(path);
      if (!e) byPath.set(path, (e = { parts: [], linked: [] }));
      return e;
    };
    for (const group of plan.target ? [plan.target, ...plan.sources] : plan.sources) for (const m of group.members) entry(m.part.path).parts.push({ group, part: m.part });
    for (const { doc, index } of plan.linked) entry(doc.path).linked.push(index);
    const parts: EntityPart[] = [];
    let first: { type: EntityType; text: string } | null = null;
    for (const path of [...byPath.keys()].sort()) {
      const { parts: given, linked: at } = byPath.get(path)!;
      if (given.length === 1 && at.length === 0) {
        first ??= { type: given[0].group.type, text: given[0].part.mentions[0].text };
        parts.push(given[0].part);
        continue;
      }
      // Several (or linked by hand): one part of the document's mentions that go here, in its order.
      const doc = this.docs.get(path)!;
      const typeOf = new Map<LinkedMention, EntityType>();
      for (const { group, part } of given) for (const m of part.mentions) typeOf.set(m, group.type);
      for (const k of at) typeOf.set(doc.outs[k], doc.mentions[k].type);
      const inputs: LinkMention[] = [];
      const mentions: LinkedMention[] = [];
      doc.outs.forEach((m, k) => {
        if (!typeOf.has(m)) return;
        first ??= { type: typeOf.get(m)!, text: doc.mentions[k].text };
        inputs.push(doc.mentions[k]);
        mentions.push(m);
      });
      parts.push(entityPart(path, inputs, mentions, doc.document));
    }
    // Without an entity of that id, the first mention in corpus order gives the type and the name's key.
    const type = plan.target?.type ?? first!.type;
    const entity = describeEntity(plan.id, type, plan.target?.key ?? `${type}:${normalise(first!.text)}`, parts);
    let count = 0;
    for (const part of parts) count += part.mentions.length;
    this.point(parts, plan.id, type);
    return { id: plan.id, target: plan.target, sources: plan.sources, linked, entity, count, country: entity.country, variants: type === 'PERSON' ? variantsOf(entity, this.personCounts) : [] };
  }

  /** Gives the parts' mentions an entity id and type; documents whose mentions changed so are repointed. */
  private point(parts: EntityPart[], id: string, type: EntityType): void {
    for (const part of parts) {
      for (const m of part.mentions) {
        if (m.entity === id && m.type === type) continue;
        m.entity = id;
        m.type = type;
        this.repointed.add(part.path);
      }
    }
  }

  /** Where a merge sends an id: along merges into merged entities, stopping at a cycle. */
  private follow(id: string): string {
    const seen = new Set<string>();
    while (this.into.has(id) && !seen.has(id)) {
      seen.add(id);
      id = this.into.get(id)!;
    }
    return id;
  }

  /**
   * The user's names and descriptions, on the entities of those ids (the name linking gave becomes
   * an alias). An entity kept from before but no longer of that id (another took it) is given back
   * what linking gave it.
   */
  private applyNames(): void {
    for (const [id, named] of this.named) {
      if (this.byId.get(id) === named.entity && sameName(this.names.get(id), named.given)) continue;
      if (named.entity.name !== named.name) this.renamed.add(id);
      Object.assign(named.entity, { name: named.name, aliases: named.aliases, description: named.description });
      if (named.description === undefined) delete named.entity.description;
      this.named.delete(id);
    }
    for (const a of this.names.values()) {
      const entity = this.byId.get(a.entity);
      if (!entity || this.named.get(a.entity)?.entity === entity) continue;
      this.named.set(a.entity, { entity, given: a, name: entity.name, aliases: entity.aliases.slice(), description: entity.description });
      if (entity.name !== a.name && !entity.aliases.includes(entity.name)) entity.aliases.unshift(entity.name);
      if (entity.name !== a.name) this.renamed.add(a.entity);
      entity.name = a.name;
      if (a.description) entity.description = a.description;
    }
  }
}

function inTextOrder(mentions: LinkedMention[]): boolean {
  for (let k = 1; k < mentions.length; k++) if (mentions[k].start < mentions[k - 1].start) return false;
  return true;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

/**
 * What applySteps takes per step, in units of about a mention keyed: some 300, a few
 * milliseconds. The weights of the rest, in those units (measured roughly, 10 MB opened beside the
 * seeds): a document (or passage) taken, a mention prepared (normalised, its names counted), a
 * member of an entity taken out or read, an entity described, a form of its name counted, a
 * mention given its entity's id, an element of a list scanned.
 */
const STEP_SIZE = 300;
export const LINK_STEP_WEIGHT = { document: 4, prepared: 0.5, keyed: 1, member: 0.5, group: 2, text: 0.2, mention: 0.05, spelling: 0.5, element: 0.02 };
const WEIGHT = LINK_STEP_WEIGHT;

type NameDecision = NonNullable<LinkDecisions['names']>[number];

/** The same name and description (the store read again gives new objects of the same decisions). */
function sameName(a: NameDecision | undefined, b: NameDecision): boolean {
  return !!a && a.name === b.name && a.description === b.description;
}

/** An entity described during applySteps, before it is put in place, with its spelling variants. */
interface Made {
  entity: Entity;
  variants: VariantSpelling[];
  /** Its id before ids shared by names are settled (see baseOf), and how many mentions it has. */
  base: string;
  count: number;
}

/** `type:slug(name)`: an entity's id, unless another entity of that name came first (see describeDirty). */
function baseOf(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${slug(name)}`;
}

/** The order the from-scratch linker met the groups in: their first mention in corpus order. */
function byFirstMention(a: Group, b: Group): number {
  const ma = firstMember(a);
  const mb = firstMember(b);
  if (ma.part.path !== mb.part.path) return ma.part.path < mb.part.path ? -1 : 1;
  return ma.first - mb.first;
}

/** The member of the first document in path order. */
function firstMember(group: Group): Member {
  let best = group.members[0];
  for (const m of group.members) if (m.part.path < best.part.path) best = m;
  return best;
}

/** The same acronym definitions and person names: the corpus-wide facts keys depend on cannot have changed. */
function sameContributions(a: DocState, b: DocState): boolean {
  if (a.persons.size !== b.persons.size || a.acronyms.size !== b.acronyms.size) return false;
  for (const [name, n] of a.persons) if (b.persons.get(name) !== n) return false;
  for (const [acronym, def] of a.acronyms) {
    const other = b.acronyms.get(acronym);
    if (other?.key !== def.key || other.type !== def.type) return false;
  }
  return true;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function deleteFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
