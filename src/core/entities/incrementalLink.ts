// Linking that follows changes: when one document changes, only its mentions are keyed again (and
// those of documents whose keys depend on a corpus-wide fact it changed: an acronym's definition,
// a person's preferred spelling, who bears a surname), and only the entities they touch are
// described again. The result equals linking the whole corpus from scratch (a property test checks
// it after random edits); a keystroke in one article of 10,000 costs that article, not the corpus.
import type { EntityType } from './recognize.js';
import {
  acronymDefinitions, addCounts, countPerson, countryKey, describeEntity, entityPart, keyMention, linkWithUserLinks, mergeSpellings,
  movedOnly, normalise, personNames, slug, surnameOwnersOf, surnameSignature, swapPart, variantsOf,
  type Entity, type EntityPart, type KeyContext, type LinkedMention, type LinkInput, type LinkMention, type LinkResult, type PersonCount, type VariantSpelling,
} from './link.js';

/** Links a corpus at once: the user's links need the from-scratch linker, the rest the incremental one. */
export function linkEntities(inputs: LinkInput[]): LinkResult {
  if (inputs.some((doc) => doc.mentions.some((m) => m.linkedEntity))) return linkWithUserLinks(inputs);
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
  private readonly byId = new Map<string, Entity>();
  private readonly mentionsByPath = new Map<string, LinkedMention[]>();
  /** Documents' new mention lists (null: none), put in mentionsByPath when their entities are described. */
  private readonly nextLists = new Map<string, LinkedMention[] | null>();
  private cached: LinkResult | null = null;
  /** Since the last takeChanges(): documents whose mentions now point at another entity id, and entities whose name changed. */
  private repointed = new Set<string>();
  private names = new Set<string>();

  /**
   * What changed beyond the documents' own mention lists since the last call, then resets: the
   * documents whose mentions were given another entity id in place (their lists are the same
   * arrays), and the ids of entities whose name changed. Documents keyed again get new lists.
   */
  takeChanges(): { repointed: Set<string>; names: Set<string> } {
    this.describeDirty();
    const changes = { repointed: this.repointed, names: this.names };
    this.repointed = new Set();
    this.names = new Set();
    return changes;
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
    const changed = new Map<string, DocState>();
    let contributions = false;
    let work = 0;
    for (const change of changes) {
      const old = this.docs.get(change.path);
      const next = change.mentions ? this.prepare(change.path, change.document ?? change.path, change.mentions) : null;
      if (old) {
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
      if ((work += next?.mentions.length ?? 0) >= STEP) {
        work = 0;
        yield;
      }
    }
    if (changed.size === 0 && !contributions) return;
    for (const path of contributions ? this.refreshContext() : []) {
      if (changed.has(path)) continue;
      const doc = this.docs.get(path)!;
      this.unkey(doc);
      changed.set(path, doc);
    }
    yield;
    for (const doc of changed.values()) {
      this.key(doc);
      if ((work += doc.mentions.length) >= STEP) {
        work = 0;
        yield;
      }
    }
    for (const [key, members] of this.unkeyed) if (members.size > 0) this.dirty.add(key);
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
      for (const member of group.members) {
        if (!member.fresh) continue;
        for (const m of member.part.mentions) m.entity = entity.id;
        member.fresh = false;
      }
      made.set(group, { entity, variants: entity.type === 'PERSON' ? variantsOf(entity, this.personCounts) : [] });
      if ((work += group.members.length) >= STEP) {
        work = 0;
        yield;
      }
    }
    this.describeDirty(made);
  }

  result(): LinkResult {
    if (this.cached) return this.cached;
    this.describeDirty();
    const groups = [...this.groups.values()].sort((a, b) => b.count - a.count || (a.entity!.id < b.entity!.id ? -1 : 1));
    const entities = groups.map((g) => g.entity!);
    for (const g of groups) {
      // A nationality word points at its country's entity when the corpus has one.
      if (g.type === 'NORP' && g.country) g.entity!.country = this.groups.get(countryKey(g.country))?.entity?.id ?? g.country;
    }
    const variants = groups.flatMap((g) => g.variants);
    this.cached = { entities, byId: this.byId, mentionsByPath: this.mentionsByPath, variants };
    return this.cached;
  }

  private prepare(path: string, document: string, mentions: LinkMention[]): DocState {
    return { path, document, mentions, norms: mentions.map((m) => normalise(m.text)), acronyms: acronymDefinitions(mentions), persons: personNames(mentions), members: [] };
  }

  private index(doc: DocState): void {
    for (const acronym of doc.acronyms.keys()) addTo(this.acronymDocs, acronym, doc.path);
  }

  private unindex(doc: DocState): void {
    for (const acronym of doc.acronyms.keys()) deleteFrom(this.acronymDocs, acronym, doc.path);
  }

  private count(doc: DocState, sign: 1 | -1): void {
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
  private refreshContext(): Set<string> {
    const old = this.context;
    const acronyms = new Map<string, { key: string; type: EntityType }>();
    for (const [acronym, paths] of this.acronymDocs) {
      const first = [...paths].sort()[0];
      acronyms.set(acronym, this.docs.get(first)!.acronyms.get(acronym)!);
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
    if (texts.size > 0) for (const doc of this.docs.values()) if (doc.norms.some((n) => texts.has(n))) again.add(doc.path);
    return again;
  }

  private key(doc: DocState): void {
    // namesHere(doc.mentions, preferred), from the names counted already: no second pass over the mentions.
    const here = new Set<string>();
    for (const name of doc.persons.keys()) here.add(this.context.preferred.get(name) ?? name);
    const byKey = new Map<string, { type: EntityType; first: number; inputs: LinkMention[]; mentions: LinkedMention[] }>();
    const linked: LinkedMention[] = [];
    doc.mentions.forEach((m, index) => {
      const { key, type } = keyMention(m, doc.norms[index], here, this.context);
      const mention: LinkedMention = { path: doc.document, start: m.start, end: m.end, text: m.text, type, entity: '', sentence: m.sentence, source: m.source ?? 'auto' };
      const entry = byKey.get(key) ?? { type, first: index, inputs: [], mentions: [] };
      entry.inputs.push(m);
      entry.mentions.push(mention);
      byKey.set(key, entry);
      linked.push(mention);
    });
    for (const [key, { type, first, inputs, mentions }] of byKey) {
      let group = this.groups.get(key);
      if (!group) {
        group = { key, type, members: [], texts: new Map(), count: 0, entity: null, base: '', country: undefined, variants: [] };
        this.groups.set(key, group);
      }
      const part = entityPart(doc.path, inputs, mentions, doc.document);
      addCounts(group.texts, part.texts, 1);
      const old = this.unkeyed.get(key)?.get(doc.path);
      this.unkeyed.get(key)?.delete(doc.path);
      const moved = !!old && this.movedInPlace(group, old, part, first);
      const member: Member = { group, index: group.members.length, part, first, fresh: !moved };
      group.members.push(member);
      doc.members.push(member);
      if (moved) for (const m of part.mentions) m.entity = group.entity!.id;
      else this.dirty.add(key);
    }
    if (linked.length > 0) this.nextLists.set(doc.path, linked.sort((a, b) => a.start - b.start));
  }

  /**
   * A document keyed again whose part of this entity only moved (an edit before its mentions, or
   * elsewhere in its name-free text): the entity stays as described, with the new part swapped in.
   * Describing it again would read every document's part: thousands for a country, on each keystroke.
   */
  private movedInPlace(group: Group, old: Member, part: EntityPart, first: number): boolean {
    if (!group.entity || this.dirty.has(group.key) || !movedOnly(old.part, part)) return false;
    // Spelling variants carry offsets; ids of names shared by entities follow first mentions.
    if (group.variants.length > 0) return false;
    if (old.first !== first && (this.keysByBase.get(group.base)?.size ?? 0) > 1) return false;
    return swapPart(group.entity, old.part, part);
  }

  private unkey(doc: DocState): void {
    for (const member of doc.members) {
      const { group, index } = member;
      addCounts(group.texts, member.part.texts, -1);
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
    this.nextLists.set(doc.path, null);
  }

  /**
   * Describes the entities whose mentions changed (`made`: those described already), settles the
   * ids of names they share, and puts the documents' new mention lists in place.
   */
  private describeDirty(made = new Map<Group, Made>()): void {
    const bases = new Set<string>();
    const described = new Set<Group>();
    for (const key of this.dirty) {
      const group = this.groups.get(key);
      if (!group) continue;
      if (group.entity) {
        this.byId.delete(group.entity.id);
      }
      if (group.members.length === 0) {
        deleteFrom(this.keysByBase, group.base, key);
        bases.add(group.base);
        this.groups.delete(key);
        continue;
      }
      // The id is settled below; describe with the one it had for now.
      const entity = made.get(group)?.entity ?? describeEntity(group.entity?.id ?? '', group.type, key, group.members.map((m) => m.part), group.texts);
      group.count = 0;
      for (const n of group.texts.values()) group.count += n;
      const base = baseOf(group.type, entity.name);
      if (base !== group.base) {
        if (group.base) deleteFrom(this.keysByBase, group.base, key);
        bases.add(group.base);
        addTo(this.keysByBase, base, key);
        group.base = base;
      }
      bases.add(base);
      if (!entity.id) entity.id = base;
      else if (group.entity && group.entity.name !== entity.name) this.names.add(entity.id);
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
        entity.id = id;
        described.add(group);
        renamed.add(group);
      });
    }
    for (const group of described) {
      const entity = group.entity!;
      const moved = renamed.has(group);
      if (moved) for (const member of group.members) this.repointed.add(member.part.path);
      for (const member of group.members) {
        if (!member.fresh && !moved) continue;
        for (const m of member.part.mentions) m.entity = entity.id;
        member.fresh = false;
      }
      this.byId.set(entity.id, entity);
      const early = made.get(group);
      group.variants = early && early.entity === entity && !moved ? early.variants : entity.type === 'PERSON' ? variantsOf(entity, this.personCounts) : [];
    }
    for (const [path, list] of this.nextLists) {
      if (list) this.mentionsByPath.set(path, list);
      else this.mentionsByPath.delete(path);
    }
    this.nextLists.clear();
  }
}

/** About how many mentions applySteps() keys, or describes the entities of, per step. */
const STEP = 300;

/** An entity described during applySteps, before it is put in place, with its spelling variants. */
interface Made {
  entity: Entity;
  variants: VariantSpelling[];
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
