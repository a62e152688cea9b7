// Code actions (the light bulb): quick fixes for the problems the editor sends back (a spelling
// variant, a marker without a definition), the annotating commands on a name or a selection, and
// renumbering the footnotes in order of appearance.
import { addDefinitionEdit, renumberFootnotesEdits } from '../document/footnoteEdits.js';
import type { TextEdit } from '../types.js';
import type { Snapshot } from './snapshot.js';

export interface CodeActionQuery {
  path: string;
  /** The cursor or selection, as offsets. */
  start: number;
  end: number;
  /** The problems the editor sends with the request, as it got them: their code and data. */
  diagnostics: ReadonlyArray<{ code?: string | number; data?: unknown }>;
  /** The editor asks for some kinds only (a source action): the annotating commands are left out. */
  only: boolean;
  /** The renumbering is among the kinds asked for. */
  renumberAsked: boolean;
}

export type CodeActionItem =
  /** A fix for the problems at these indices of the query's diagnostics. */
  | { kind: 'fix'; title: string; diagnostics: number[]; edit: FixEdit }
  /** One of the extension's annotating commands, run on the cursor or selection. */
  | { kind: 'annotate'; title: string; command: { title: string; command: string } }
  /** Renumbering the footnotes, with the order problems it fixes. */
  | { kind: 'renumber'; title: string; diagnostics: number[]; edits: TextEdit[] };

/** Edits to the document, or new text over the problem's own range (as the editor placed it). */
export type FixEdit = { edits: TextEdit[] } | { replaceProblem: string };

/** The annotating commands the light bulb offers on a name, by the type they set. */
const ANNOTATE_ACTIONS: Array<[string, string, string]> = [
  ['a person', 'PERSON', 'corpusLens.annotate.person'],
  ['an organisation', 'ORG', 'corpusLens.annotate.organisation'],
  ['a place', 'PLACE', 'corpusLens.annotate.place'],
  ['a nationality or group', 'NORP', 'corpusLens.annotate.nationality'],
  ['another named thing', 'MISC', 'corpusLens.annotate.other'],
];

export function codeActionsAt(snapshot: Snapshot, query: CodeActionQuery): CodeActionItem[] {
  const doc = snapshot.document(query.path);
  if (!doc) return [];
  const footnotes = doc.analysis.footnotes;
  const actions: CodeActionItem[] = [];
  query.diagnostics.forEach((diagnostic, k) => {
    const preferred = (diagnostic.data as { preferred?: string } | undefined)?.preferred;
    if (diagnostic.code === 'entity.spelling' && preferred) {
      actions.push({ kind: 'fix', title: `Change to “${preferred}”, the spelling most of the corpus uses`, diagnostics: [k], edit: { replaceProblem: preferred } });
    }
    const label = (diagnostic.data as { label?: string } | undefined)?.label;
    if (diagnostic.code === 'footnote.undefined' && label) {
      actions.push({ kind: 'fix', title: `Add a definition for footnote [${label}] to the notes`, diagnostics: [k], edit: { edits: [addDefinitionEdit(doc.text, footnotes, label)] } });
    }
  });
  // On a name (or a selection): the annotating commands, as quick fixes under the light bulb.
  const hit = snapshot.entityAt(query.path, query.start);
  if ((hit || query.end > query.start) && !query.only) {
    const current = hit?.mention.type;
    for (const [word, type, command] of ANNOTATE_ACTIONS) {
      if (type === current) continue;
      actions.push({ kind: 'annotate', title: `Corpus Lens: annotate as ${word}`, command: { title: `Annotate as ${word}`, command } });
    }
    if (hit) {
      actions.push({ kind: 'annotate', title: `Corpus Lens: “${hit.mention.text}” is not an entity here`, command: { title: 'Not an entity', command: 'corpusLens.annotate.notEntity' } });
      actions.push({ kind: 'annotate', title: 'Corpus Lens: link to another entity…', command: { title: 'Link to entity', command: 'corpusLens.annotate.linkToEntity' } });
    }
  }
  const order = query.diagnostics.flatMap((d, k) => (d.code === 'footnote.order' ? [k] : []));
  if (order.length > 0 || query.renumberAsked) {
    const result = renumberFootnotesEdits(doc.text, footnotes);
    if ('edits' in result && result.edits.length > 0) {
      actions.push({ kind: 'renumber', title: 'Renumber footnotes in order of appearance', diagnostics: order, edits: result.edits });
    }
  }
  return actions;
}
