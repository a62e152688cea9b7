// A title that says who did what to whom: "Kazakhstan delists Taliban", "Dmitry Zhirnov meets
// Sirajuddin Haqqani in Kabul", "Ashurov captured", "Mumtaz Zahra Baloch gives briefing",
// "Earthquake in Bam". Built from the event's kind, the word that told it, its roles and place.
import type { Entity } from '../entities/link.js';
import { KINDS, verbForms, type EventKind } from './kinds.js';

export interface Titled {
  kind: EventKind;
  /** The verb's lemma or the noun that told it ("meet", "removal", "briefing"). */
  lemma: string;
  agent: string[];
  patient: string[];
  place: string | null;
  modality: 'actual' | 'planned';
}

/** A noun's verb: "removal" is told as "remove", "briefing" as "give briefing". */
const NOUN_VERB: Record<string, string> = {
  meeting: 'meet', consultation: 'hold consultations', consultations: 'hold consultations', talks: 'hold talks', summit: 'hold summit',
  conference: 'hold conference', negotiations: 'negotiate', discussions: 'hold discussions', visit: 'visit', trip: 'visit', tour: 'tour',
  delegation: 'visit', attack: 'attack', bombing: 'bomb', assault: 'attack', raid: 'raid', airstrike: 'strike', strike: 'strike',
  shooting: 'shoot', massacre: 'massacre', ambush: 'ambush', shelling: 'shell', hijacking: 'hijack', killing: 'kill', murder: 'murder',
  assassination: 'assassinate', execution: 'execute', death: 'die', arrest: 'arrest', detention: 'detain', capture: 'capture',
  extradition: 'extradite', charges: 'charge', indictment: 'indict', prosecution: 'prosecute', conviction: 'convict', acquittal: 'acquit',
  verdict: 'convict', statement: 'issue statement', announcement: 'make announcement', declaration: 'declare', briefing: 'give briefing',
  interview: 'give interview', speech: 'give speech', remarks: 'make remarks', report: 'publish report', decision: 'decide', removal: 'remove',
  delisting: 'delist', approval: 'approve', designation: 'designate', suspension: 'suspend', ratification: 'ratify', boycott: 'boycott',
  agreement: 'sign agreement', deal: 'make deal', accord: 'sign accord', treaty: 'sign treaty', pact: 'sign pact', ceasefire: 'agree ceasefire',
  truce: 'agree truce', acquisition: 'acquire', takeover: 'take over', purchase: 'purchase', merger: 'merge', buyout: 'buy out',
  launch: 'launch', unveiling: 'unveil', release: 'release', inauguration: 'inaugurate', debut: 'debut', rollout: 'roll out',
  appointment: 'appoint', nomination: 'nominate', resignation: 'resign', retirement: 'retire', dismissal: 'dismiss', ouster: 'oust',
  sacking: 'sack', vote: 'vote', protest: 'protest', demonstration: 'demonstrate', rally: 'rally', riot: 'riot', invasion: 'invade',
  occupation: 'occupy', offensive: 'launch offensive', incursion: 'make incursion', annexation: 'annex', conquest: 'conquer',
  withdrawal: 'withdraw', pullout: 'pull out', retreat: 'retreat', evacuation: 'evacuate', sanctions: 'impose sanctions',
  embargo: 'impose embargo', recognition: 'recognise', victory: 'win', defeat: 'defeat',
};
/** The preposition a verb takes before who it was done to. */
const VERB_PREP: Record<string, string> = {
  agree: 'with', negotiate: 'with', confer: 'with', withdraw: 'from', retreat: 'from', 'pull out': 'from', 'hold talks': 'with',
  'hold consultations': 'with', 'hold discussions': 'with', 'sign agreement': 'with', 'make deal': 'with', 'sign accord': 'with',
  'sign treaty': 'with', 'sign pact': 'with', 'agree ceasefire': 'with', 'agree truce': 'with', merge: 'with', 'impose sanctions': 'on',
  'impose embargo': 'on', 'take control': 'of', 'seize control': 'of', 'launch offensive': 'against', 'make incursion': 'into', protest: 'against',
};
/** Verbs whose only role is who it happened to: "X dies", "X resigns". */
const INTRANSITIVE = new Set(['die', 'pass away', 'resign', 'quit', 'retire', 'step down', 'crash', 'collide', 'derail', 'capsize', 'erupt', 'riot', 'testify']);
/** Kinds a nameless happening is titled by its noun and place: "Earthquake in Bam", "Arrests in Dagestan". */
const MAX_NAMES = 3;

export function titleOf(e: Titled, entities: Map<string, Entity>): string {
  const name = (id: string) => entities.get(id)?.name ?? id;
  const where = e.place ? ` in ${name(e.place)}` : '';
  const verb = NOUN_VERB[e.lemma] ?? (KINDS[e.kind].nouns.includes(e.lemma) ? null : e.lemma);
  const agent = e.agent.map(name);
  const patient = e.patient.filter((id) => id !== e.place).map(name);
  // A happening told by a noun that names it ("earthquake", "blast"): "Earthquake in Herat".
  if (!verb) return `${capitalise(e.lemma)}${agent.length ? ` by ${list(agent)}` : ''}${patient.length ? ` (${list(patient)})` : ''}${where}`;
  const [head, ...rest] = verb.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const forms = verbForms(head);
  const prep = VERB_PREP[verb] ? ` ${VERB_PREP[verb]}` : '';
  if (agent.length) {
    const object = patient.length ? `${prep} ${list(patient)}` : '';
    const said = e.modality === 'planned' ? `to ${forms.base}` : agent.length > 1 ? forms.base : forms.s;
    return `${list(agent)} ${said}${tail}${object}${where}`;
  }
  if (patient.length) {
    // "Report to UN Security Council": a statement names whom it went to.
    if (e.kind === 'statement') return `${KINDS[e.kind].noun === 'Statement' ? capitalise(NOUN_OF[e.lemma] ?? 'statement') : KINDS[e.kind].noun} to ${list(patient)}${where}`;
    if (INTRANSITIVE.has(verb)) return `${list(patient)} ${e.modality === 'planned' ? `to ${forms.base}` : forms.s}${tail}${where}`;
    if (rest.length) return `${KINDS[e.kind].noun}${prep || ' of'} ${list(patient)}${where}`;
    return `${list(patient)} ${e.modality === 'planned' ? 'to be ' : ''}${forms.participle}${where}`;
  }
  return `${KINDS[e.kind].noun}${where}`;
}

/** What a statement is called by the word that told it. */
const NOUN_OF: Record<string, string> = { report: 'report', publish: 'report', briefing: 'briefing', interview: 'interview', speech: 'speech', address: 'address' };

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 others". */
function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= MAX_NAMES) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, MAX_NAMES).join(', ')} and ${names.length - MAX_NAMES} others`;
}
