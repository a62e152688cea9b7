// The Entities view's shape, as plain data: entities grouped by type, and the wording of each row.
// No `vscode` here (unit-tested in test/client/).
import type { EntitySummary, EntityType } from '../../protocol.js';
import { plural } from '../format.js';

/** The types in the order the view lists them, with the group's label. */
export const ENTITY_TYPES: ReadonlyArray<{ type: EntityType; label: string }> = [
  { type: 'PERSON', label: 'Person' },
  { type: 'ORG', label: 'Organisation' },
  { type: 'PLACE', label: 'Place' },
  { type: 'NORP', label: 'Nationality/group' },
  { type: 'MISC', label: 'Other' },
];

export interface EntityGroup {
  type: EntityType;
  /** `type:PERSON`. */
  key: string;
  label: string;
  entities: EntitySummary[];
}

/** Entities by type, in {@link ENTITY_TYPES} order, each keeping the server's order (most mentioned first). Empty types are left out. */
export function groupEntitiesByType(entities: readonly EntitySummary[]): EntityGroup[] {
  const known = new Set(ENTITY_TYPES.map((t) => t.type));
  return ENTITY_TYPES.map(({ type, label }) => ({
    type,
    key: `type:${type}`,
    label,
    // An unknown type (a newer server) goes to Other rather than vanishing.
    entities: entities.filter((e) => e.type === type || (type === 'MISC' && !known.has(e.type))),
  })).filter((g) => g.entities.length > 0);
}

/** "12 mentions · 3 documents". */
export function entityDescription(entity: EntitySummary): string {
  return `${plural(entity.mentions, 'mention')} · ${plural(entity.documents, 'document')}`;
}

/** The hover text of an entity row: name and type, then its roles, one a line. */
export function entityTooltip(entity: EntitySummary): string {
  const type = ENTITY_TYPES.find((t) => t.type === entity.type)?.label ?? entity.type;
  const roles = entity.roles.length > 0 ? entity.roles.map((r) => `• ${r}`) : ['No role given in the corpus.'];
  return [`${entity.name} · ${type}`, ...roles, entityDescription(entity)].join('\n');
}

/**
 * A line of text cut around a mention, for a row's label: at most `width` characters, the mention
 * kept whole. Returns the text and where the mention is in it (to highlight).
 */
export function snippetAround(line: string, start: number, end: number, width = 60): { text: string; highlight: [number, number] } {
  start = Math.max(0, Math.min(start, line.length));
  end = Math.max(start, Math.min(end, line.length));
  const room = Math.max(0, width - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(line.length, from + (end - start) + room);
  from = Math.max(0, Math.min(from, to - width));
  const lead = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const raw = line.slice(from, to);
  // Tabs and line breaks would break the row; they become spaces (same length, so offsets hold).
  const text = `${lead}${raw.replace(/[\t\r\n]/g, ' ')}${tail}`;
  return { text, highlight: [lead.length + start - from, lead.length + end - from] };
}
