// The reference the incremental linker is checked against: the whole corpus linked at once, in the
// plainest way. Every mention keyed, grouped by key, each group described and given its id; then
// the user's decisions: an entity merged into another (following chains) and a mention linked by
// hand join the entity of the id they name (or make one of that id), and names are applied.
import {
  acronymDefinitions, countPerson, countryKey, describeEntity, entityPart, keyMention, mergeSpellings, namesHere, normalise, personNames, slug,
  surnameOwnersOf, variantsOf, type Entity, type EntityPart, type EntityType, type LinkDecisions, type LinkedMention, type LinkInput,
  type LinkMention, type LinkResult, type PersonCount,
} from '../../src/core/index.js';

/** A mention with where it stands: its input (document or passage) and its place in the input's list. */
interface Keyed {
  input: string;
  document: string;
  index: number;
  m: LinkMention;
  out: LinkedMention;
}

interface Group {
  key: string;
  type: EntityType;
  members: Keyed[];
  id: string;
  entity: Entity | null;
}

export function referenceLink(inputs: LinkInput[], decisions: LinkDecisions = {}): LinkResult {
  const docs = [...inputs].sort((a, b) => (a.path < b.path ? -1 : 1));
  // The corpus-wide facts keys depend on.
  const acronyms = new Map<string, { key: string; type: EntityType }>();
  for (const d of docs) for (const [acronym, def] of acronymDefinitions(d.mentions)) if (!acronyms.has(acronym)) acronyms.set(acronym, def);
  const personCounts = new Map<string, PersonCount>();
  for (const d of docs) for (const [name, n] of personNames(d.mentions)) countPerson(personCounts, name, d.document ?? d.path, n);
  const preferred = mergeSpellings(personCounts);
  const context = { acronyms, preferred, surnameOwners: surnameOwnersOf(personCounts, preferred), personCounts };

  // Every mention keyed, in corpus order; those linked by hand set apart.
  const groups = new Map<string, Group>();
  const linked: Keyed[] = [];
  const byInput = new Map<string, LinkedMention[]>();
  for (const d of docs) {
    const here = namesHere(d.mentions, preferred);
    const document = d.document ?? d.path;
    const outs: LinkedMention[] = [];
    d.mentions.forEach((m, index) => {
      const out: LinkedMention = { path: document, start: m.start, end: m.end, text: m.text, type: m.type, entity: '', sentence: m.sentence, source: m.source ?? 'auto' };
      outs.push(out);
      const k: Keyed = { input: d.path, document, index, m, out };
      if (m.linkedEntity) return void linked.push(k);
      const { key, type } = keyMention(m, normalise(m.text), here, context);
      out.type = type;
      if (!groups.has(key)) groups.set(key, { key, type, members: [], id: '', entity: null });
      groups.get(key)!.members.push(k);
    });
    if (outs.length > 0) byInput.set(d.path, outs.sort((a, b) => a.start - b.start));
  }

  // Ids: `type:slug(name)`, numbered -2, -3 … in order of first mention when names collide.
  const byBase = new Map<string, Group[]>();
  for (const g of groups.values()) {
    g.entity = describe('', g.type, g.key, g.members);
    const base = `${g.type.toLowerCase()}:${slug(g.entity.name)}`;
    if (!byBase.has(base)) byBase.set(base, []);
    byBase.get(base)!.push(g);
  }
  const groupById = new Map<string, Group>();
  for (const [base, list] of byBase) list.forEach((g, n) => groupById.set((g.entity!.id = g.id = n === 0 ? base : `${base}-${n + 1}`), g));

  // The user's decisions: merged groups and linked mentions join the id they lead to.
  const into = new Map((decisions.merges ?? []).map((m) => [m.from, m.into]));
  const follow = (id: string) => {
    const seen = new Set<string>();
    while (into.has(id) && !seen.has(id)) {
      seen.add(id);
      id = into.get(id)!;
    }
    return id;
  };
  const finalId = new Map<Group, string>();
  const joining = new Map<string, Keyed[]>();
  const join = (id: string, members: Keyed[]) => {
    if (!joining.has(id)) joining.set(id, []);
    joining.get(id)!.push(...members);
  };
  for (const g of groups.values()) {
    finalId.set(g, follow(g.id));
    if (finalId.get(g) !== g.id) join(finalId.get(g)!, g.members);
  }
  for (const k of linked) join(follow(k.m.linkedEntity!), [k]);

  const entities: Entity[] = [];
  const country = new Map<Entity, string>();
  const made = (entity: Entity, members: Keyed[]) => {
    for (const k of members) k.out.entity = entity.id;
    if (entity.country) country.set(entity, entity.country);
    entities.push(entity);
  };
  for (const g of groups.values()) if (finalId.get(g) === g.id && !joining.has(g.id)) made(g.entity!, g.members);
  for (const [id, more] of joining) {
    const target = groupById.get(id);
    const members = [...(target?.members ?? []), ...more].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : a.index - b.index));
    // Without an entity of that id: the first mention in corpus order gives the type and the name's key.
    const type = target?.type ?? members[0].out.type;
    for (const k of members) k.out.type = type;
    made(describe(id, type, target?.key ?? `${type}:${normalise(members[0].m.text)}`, members), members);
  }

  const byId = new Map(entities.map((e) => [e.id, e]));
  // One name per entity, the last given.
  for (const a of new Map((decisions.names ?? []).map((n) => [n.entity, n])).values()) {
    const entity = byId.get(a.entity);
    if (!entity) continue;
    if (entity.name !== a.name && !entity.aliases.includes(entity.name)) entity.aliases.unshift(entity.name);
    entity.name = a.name;
    if (a.description) entity.description = a.description;
  }
  for (const [e, name] of country) {
    const place = groups.get(countryKey(name));
    if (e.type === 'NORP') e.country = place ? finalId.get(place)! : name;
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));
  return { entities, byId, mentionsByPath: byInput, variants: entities.flatMap((e) => variantsOf(e, personCounts)) };
}

/** An entity from its mentions in corpus order: one part per input. */
function describe(id: string, type: EntityType, key: string, members: Keyed[]): Entity {
  const parts: EntityPart[] = [];
  for (let k = 0; k < members.length;) {
    let end = k + 1;
    while (end < members.length && members[end].input === members[k].input) end++;
    const run = members.slice(k, end);
    parts.push(entityPart(run[0].input, run.map((x) => x.m), run.map((x) => x.out), run[0].document));
    k = end;
  }
  return describeEntity(id, type, key, parts);
}
