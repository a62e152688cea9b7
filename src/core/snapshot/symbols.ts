// Workspace symbols (Ctrl+T): entities whose name or aliases contain the query's letters in order,
// case-insensitive, each at its defining mention.
import type { Entity } from '../entities/link.js';
import type { Location } from './location.js';
import type { Snapshot } from './snapshot.js';

export interface SymbolMatch {
  entity: Entity;
  location: Location;
}

export function workspaceSymbols(snapshot: Snapshot, query: string, limit = 200): SymbolMatch[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const matches = (s: string) => {
    let k = 0;
    for (const c of s.toLowerCase()) if (c === q[k]) k++;
    return k === q.length;
  };
  const out: SymbolMatch[] = [];
  for (const entity of snapshot.entities()) {
    if (out.length >= limit) break;
    if (matches(entity.name) || entity.aliases.some(matches)) out.push({ entity, location: { path: entity.definition.path, start: entity.definition.start, end: entity.definition.end } });
  }
  return out;
}
