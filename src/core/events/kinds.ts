// The kinds of happening news reports, and the words that report them: verbs by their lemma (every
// form is generated), nouns as written. A word may be "weak": it tells a happening only as another
// mention of one the document already reports ("the incident", "this move", "the two sides
// discussed"), never on its own.

export type EventKind =
  | 'meeting' | 'visit' | 'attack' | 'killing' | 'death' | 'disaster' | 'accident' | 'arrest' | 'charge' | 'trial'
  | 'verdict' | 'sentence' | 'statement' | 'decision' | 'agreement' | 'acquisition' | 'launch' | 'appointment'
  | 'resignation' | 'dismissal' | 'election' | 'protest' | 'invasion' | 'withdrawal' | 'sanction' | 'recognition' | 'contest' | 'crime'
  | 'injury' | 'damage' | 'escape' | 'treatment' | 'ceremony';

interface KindSpec {
  /** The noun a title uses when nobody is named: "Attack in Moscow". */
  noun: string;
  /** Verb lemmas that report it. */
  verbs: string[];
  /** Nouns that report it, as written (plurals listed where news uses them). */
  nouns: string[];
  /** Verbs and nouns that only refer back to a happening already reported. */
  weakVerbs?: string[];
  weakNouns?: string[];
  /** Multi-word verbs, lemma first: "take control", "step down", "make it clear". */
  phrases?: string[];
}

export const KINDS: Record<EventKind, KindSpec> = {
  meeting: {
    noun: 'Meeting', verbs: ['meet', 'confer', 'negotiate'],
    nouns: ['meeting', 'meetings', 'talks', 'summit', 'conference', 'consultation', 'consultations', 'negotiations', 'discussions'],
    weakVerbs: ['discuss', 'exchange', 'host'], weakNouns: ['conversation', 'event'],
  },
  visit: { noun: 'Visit', verbs: ['visit', 'tour'], nouns: ['visit', 'visits', 'trip', 'delegation', 'tour'] },
  attack: {
    noun: 'Attack', verbs: ['attack', 'bomb', 'raid', 'shell', 'ambush', 'storm', 'shoot', 'explode', 'ram'],
    nouns: ['attack', 'attacks', 'bombing', 'bombings', 'blast', 'explosion', 'assault', 'raid', 'airstrike', 'airstrikes', 'shooting', 'shootings', 'massacre', 'ambush', 'shelling', 'strike', 'hijacking', 'gunfire', 'stabbing', 'rampage', 'firefight', 'gunbattle', 'standoff'],
    weakNouns: ['incident'],
  },
  killing: { noun: 'Killing', verbs: ['kill', 'murder', 'assassinate', 'execute', 'slay', 'behead', 'stab', 'strangle', 'massacre'], nouns: ['killing', 'killings', 'murder', 'murders', 'assassination', 'execution', 'homicide', 'slaying', 'slayings', 'manslaughter'], phrases: ['gun down', 'shoot dead'] },
  death: { noun: 'Death', verbs: ['die', 'drown', 'perish', 'suffocate', 'succumb'], nouns: ['death', 'deaths', 'suicide', 'overdose', 'drowning'], phrases: ['pass away'] },
  disaster: {
    noun: 'Disaster', verbs: ['erupt', 'jolt'],
    nouns: ['earthquake', 'earthquakes', 'quake', 'quakes', 'tremor', 'tremors', 'aftershock', 'aftershocks', 'flood', 'floods', 'flooding', 'hurricane', 'typhoon', 'cyclone', 'tornado', 'storm', 'tsunami', 'landslide', 'mudslide', 'wildfire', 'fire', 'fires', 'blaze', 'inferno', 'eruption', 'avalanche', 'drought', 'outbreak', 'epidemic'],
  },
  accident: { noun: 'Accident', verbs: ['crash', 'collide', 'derail', 'capsize'], nouns: ['crash', 'collision', 'accident', 'derailment', 'outage', 'blackout', 'spill', 'wreck', 'pileup', 'sinking'], phrases: ['run over', 'hit and run'] },
  arrest: { noun: 'Arrest', verbs: ['arrest', 'detain', 'capture', 'apprehend', 'extradite', 'nab', 'handcuff', 'surrender', 'foil', 'thwart'], nouns: ['arrest', 'arrests', 'detention', 'capture', 'extradition', 'manhunt', 'surrender'], phrases: ['turn himself in', 'turn herself in', 'take into custody'] },
  charge: { noun: 'Charges', verbs: ['charge', 'indict', 'prosecute', 'accuse', 'sue'], nouns: ['charges', 'indictment', 'prosecution', 'lawsuit'] },
  trial: { noun: 'Trial', verbs: ['arraign', 'testify', 'plead'], nouns: ['trial', 'hearing', 'arraignment', 'testimony', 'plea'] },
  verdict: { noun: 'Verdict', verbs: ['convict', 'acquit', 'overturn', 'uphold'], nouns: ['verdict', 'conviction', 'acquittal'] },
  sentence: { noun: 'Sentence', verbs: ['sentence', 'jail', 'imprison'], nouns: ['sentence', 'sentences'] },
  statement: {
    noun: 'Statement',
    verbs: ['announce', 'state', 'declare', 'say', 'tweet', 'warn', 'urge', 'tell', 'describe', 'criticise', 'criticize', 'emphasise', 'emphasize', 'stress', 'reaffirm', 'commend', 'welcome', 'praise', 'deny', 'confirm', 'publish', 'remark', 'explain', 'admit', 'note', 'voice', 'echo', 'outline', 'reveal', 'insist', 'condemn', 'pledge', 'vow', 'write', 'pinpoint', 'elaborate', 'speak', 'address'],
    nouns: ['statement', 'announcement', 'declaration', 'briefing', 'interview', 'speech', 'remarks', 'report'],
    weakVerbs: ['add'], weakNouns: ['comments'],
    phrases: ['make it clear', 'make clear'],
  },
  decision: {
    noun: 'Decision', verbs: ['decide', 'remove', 'delist', 'ban', 'approve', 'designate', 'suspend', 'lift', 'ratify', 'boycott', 'veto', 'outlaw', 'choose'],
    nouns: ['decision', 'decisions', 'removal', 'delisting', 'approval', 'designation', 'suspension', 'ratification', 'boycott'],
    weakNouns: ['move', 'step'],
  },
  agreement: { noun: 'Agreement', verbs: ['agree', 'sign'], nouns: ['agreement', 'deal', 'accord', 'treaty', 'pact', 'ceasefire', 'truce'] },
  acquisition: { noun: 'Acquisition', verbs: ['acquire', 'buy', 'purchase', 'merge'], nouns: ['acquisition', 'takeover', 'purchase', 'merger', 'buyout'] },
  launch: { noun: 'Launch', verbs: ['launch', 'unveil', 'introduce', 'release', 'inaugurate', 'debut', 'premiere'], nouns: ['launch', 'unveiling', 'release', 'inauguration', 'debut', 'rollout', 'premiere'], phrases: ['roll out'] },
  appointment: { noun: 'Appointment', verbs: ['appoint', 'nominate', 'hire', 'rehire', 'reappoint', 'install', 'promote'], nouns: ['appointment', 'nomination', 'hiring'], phrases: ['swear in'] },
  resignation: { noun: 'Resignation', verbs: ['resign', 'quit', 'retire'], nouns: ['resignation', 'retirement'], phrases: ['step down'] },
  dismissal: { noun: 'Dismissal', verbs: ['fire', 'sack', 'dismiss', 'oust', 'depose'], nouns: ['dismissal', 'ouster', 'sacking', 'firing'], phrases: ['let go'] },
  election: { noun: 'Election', verbs: ['elect', 'vote', 'reelect', 're-elect'], nouns: ['election', 'elections', 'vote', 'referendum', 'ballot', 'runoff'] },
  protest: { noun: 'Protest', verbs: ['protest', 'demonstrate', 'riot'], nouns: ['protest', 'protests', 'demonstration', 'demonstrations', 'rally', 'rallies', 'riot', 'riots', 'rioting', 'unrest', 'clashes', 'uprising', 'vigil'] },
  invasion: { noun: 'Invasion', verbs: ['invade', 'occupy', 'seize', 'annex'], nouns: ['invasion', 'occupation', 'offensive', 'incursion', 'annexation', 'conquest'], phrases: ['take control', 'take over', 'seize control', 'seize power', 'take power'] },
  withdrawal: { noun: 'Withdrawal', verbs: ['withdraw', 'retreat', 'evacuate', 'leave'], nouns: ['withdrawal', 'pullout', 'retreat', 'evacuation'], phrases: ['pull out'] },
  sanction: { noun: 'Sanctions', verbs: ['sanction', 'embargo'], nouns: ['sanctions', 'embargo'] },
  recognition: { noun: 'Recognition', verbs: ['recognise', 'recognize', 'accept'], nouns: ['recognition'] },
  contest: { noun: 'Contest', verbs: ['win', 'beat', 'defeat', 'clinch'], nouns: ['victory', 'defeat', 'playoff', 'playoffs', 'championship', 'tournament', 'win', 'game', 'match', 'bout', 'knockout', 'final', 'race'], phrases: ['knock out'] },
  crime: {
    noun: 'Crime', verbs: ['rob', 'steal', 'loot', 'burgle', 'kidnap', 'abduct', 'smuggle', 'hijack', 'vandalise', 'vandalize', 'torch'],
    nouns: ['robbery', 'robberies', 'theft', 'thefts', 'heist', 'heists', 'burglary', 'arson', 'fraud', 'looting', 'kidnapping', 'abduction', 'hijack', 'piracy', 'break-in', 'carjacking', 'vandalism'],
    phrases: ['make off', 'break into'],
  },
  // Harm, escapes, care and gatherings: happenings news tells beside the violence and the decisions.
  injury: { noun: 'Injury', verbs: ['injure', 'wound', 'hurt', 'sprain', 'fracture'], nouns: ['injury', 'injuries'] },
  damage: { noun: 'Damage', verbs: ['destroy', 'damage', 'devastate', 'demolish', 'wreck'], nouns: ['destruction'] },
  escape: { noun: 'Escape', verbs: ['escape', 'flee'], nouns: ['escape', 'jailbreak', 'breakout'], phrases: ['break out of'] },
  treatment: { noun: 'Treatment', verbs: ['hospitalise', 'hospitalize'], nouns: ['treatment', 'surgery', 'hospitalisation', 'hospitalization'], phrases: ['check into'] },
  ceremony: { noun: 'Ceremony', verbs: ['celebrate'], nouns: ['ceremony', 'celebration', 'festival', 'concert', 'wedding', 'funeral', 'gala', 'parade', 'memorial'] },
};

export const EVENT_KINDS = Object.keys(KINDS) as EventKind[];

/** Kinds that name one happening from two sides: a visit is reported as a meeting; an attack, by its dead. */
export const COMPATIBLE: Partial<Record<EventKind, EventKind[]>> = {
  meeting: ['visit'],
  visit: ['meeting'],
  attack: ['killing', 'death', 'crime', 'injury', 'damage'],
  crime: ['attack', 'killing'],
  killing: ['attack', 'death', 'crime'],
  death: ['attack', 'killing', 'disaster', 'accident'],
  disaster: ['death', 'injury', 'damage'],
  accident: ['death', 'injury', 'damage'],
  // The harm of an attack, a disaster or an accident is told as part of it: "killing 144 and injuring 500".
  injury: ['attack', 'disaster', 'accident'],
  damage: ['attack', 'disaster', 'accident'],
  decision: ['statement', 'recognition'],
  statement: ['decision'],
  recognition: ['decision'],
  charge: ['trial', 'verdict', 'sentence'],
  trial: ['charge', 'verdict', 'sentence'],
  verdict: ['charge', 'trial', 'sentence'],
  sentence: ['charge', 'trial', 'verdict'],
  invasion: ['attack', 'contest'],
  // A war won is told as a takeover: "the Taliban victory in Afghanistan", "the Taliban took control of Afghanistan".
  contest: ['invasion'],
  agreement: ['acquisition'],
  acquisition: ['agreement'],
};

/** Past tense and past participle where they are not lemma + -ed. */
const IRREGULAR: Record<string, [string, string]> = {
  meet: ['met', 'met'], say: ['said', 'said'], tell: ['told', 'told'], write: ['wrote', 'written'], speak: ['spoke', 'spoken'],
  choose: ['chose', 'chosen'], buy: ['bought', 'bought'], win: ['won', 'won'], beat: ['beat', 'beaten'], leave: ['left', 'left'],
  withdraw: ['withdrew', 'withdrawn'], take: ['took', 'taken'], seize: ['seized', 'seized'], quit: ['quit', 'quit'],
  swear: ['swore', 'sworn'], flee: ['fled', 'fled'], hit: ['hit', 'hit'], hurt: ['hurt', 'hurt'], uphold: ['upheld', 'upheld'], let: ['let', 'let'], run: ['ran', 'run'], make: ['made', 'made'], slay: ['slew', 'slain'], step: ['stepped', 'stepped'], pull: ['pulled', 'pulled'], roll: ['rolled', 'rolled'], pass: ['passed', 'passed'],
  break: ['broke', 'broken'], steal: ['stole', 'stolen'], lift: ['lifted', 'lifted'], shoot: ['shot', 'shot'], hold: ['held', 'held'],
};
/** Verbs that double their last consonant: banned, stabbed, nabbed. */
const DOUBLING = new Set(['ram', 'ban', 'stab', 'nab', 'plan', 'rob', 'kidnap', 'acquit', 'admit', 'step', 'gun', 'let', 'run', 'hit']);

export interface VerbForms {
  base: string;
  s: string;
  past: string;
  participle: string;
  ing: string;
}

/** Every form of a verb: "remove" → removes, removed, removing. */
export function verbForms(lemma: string): VerbForms {
  const irregular = IRREGULAR[lemma];
  const doubled = DOUBLING.has(lemma) ? lemma + lemma.slice(-1) : lemma;
  const s = /(s|sh|ch|x|z|o)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const ed = lemma.endsWith('e') ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${doubled}ed`;
  const ing = /ie$/.test(lemma) ? `${lemma.slice(0, -2)}ying` : /[^e]e$/.test(lemma) && lemma !== 'be' ? `${lemma.slice(0, -1)}ing` : `${doubled}ing`;
  return { base: lemma, s, past: irregular?.[0] ?? ed, participle: irregular?.[1] ?? ed, ing };
}

/** How a word form reads: as a verb (base or present), past tense, past participle, -ing form, or a noun. */
export type TriggerForm = 'verb' | 'past' | 'participle' | 'ing' | 'noun' | 'plural';

export interface TriggerEntry {
  kind: EventKind;
  lemma: string;
  form: TriggerForm;
  /** Only another mention of a happening already reported. */
  weak: boolean;
}

/** Lower-case word → its readings as a trigger ("attack": a verb and a noun; "met": past and participle). */
export const TRIGGERS = new Map<string, TriggerEntry[]>();
/** First word of a multi-word trigger (any form) → the phrases it starts: "took" → take control, take over. */
export const PHRASES = new Map<string, Array<{ kind: EventKind; lemma: string; rest: string[]; form: TriggerForm }>>();

function add(word: string, entry: TriggerEntry): void {
  const list = TRIGGERS.get(word) ?? [];
  if (!list.some((e) => e.kind === entry.kind && e.form === entry.form)) list.push(entry);
  TRIGGERS.set(word, list);
}

function addVerb(lemma: string, kind: EventKind, weak: boolean): void {
  const f = verbForms(lemma);
  for (const [form, word] of [['past', f.past], ['participle', f.participle], ['verb', f.base], ['verb', f.s], ['ing', f.ing]] as Array<[TriggerForm, string]>) add(word, { kind, lemma, form, weak });
}

const PLURAL_ONLY = new Set(['talks', 'sanctions', 'charges', 'remarks', 'negotiations', 'consultations', 'discussions', 'clashes', 'comments', 'playoffs']);

function addNoun(noun: string, kind: EventKind, weak: boolean): void {
  const plural = noun.endsWith('s') && !noun.endsWith('ss') && !PLURAL_ONLY.has(noun);
  add(noun, { kind, lemma: plural ? (noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.slice(0, -1)) : noun, form: plural || PLURAL_ONLY.has(noun) ? 'plural' : 'noun', weak });
}

for (const kind of EVENT_KINDS) {
  const spec = KINDS[kind];
  for (const lemma of spec.verbs) addVerb(lemma, kind, false);
  for (const lemma of spec.weakVerbs ?? []) addVerb(lemma, kind, true);
  for (const noun of spec.nouns) addNoun(noun, kind, false);
  for (const noun of spec.weakNouns ?? []) addNoun(noun, kind, true);
  for (const phrase of spec.phrases ?? []) {
    const [verb, ...rest] = phrase.split(' ');
    const f = verbForms(verb);
    for (const [form, word] of [['past', f.past], ['participle', f.participle], ['verb', f.base], ['verb', f.s], ['ing', f.ing]] as Array<[TriggerForm, string]>) {
      const list = PHRASES.get(word) ?? [];
      if (!list.some((p) => p.lemma === phrase && p.form === form)) list.push({ kind, lemma: phrase, rest, form });
      PHRASES.set(word, list);
    }
  }
}

/** Kinds that may join (COMPATIBLE closed under itself), numbered: a report meets only kinds it could join. */
export const FAMILY = new Map<EventKind, number>();
for (const kind of EVENT_KINDS) {
  if (FAMILY.has(kind)) continue;
  const family = new Set(FAMILY.values()).size;
  const todo = [kind];
  while (todo.length) {
    const k = todo.pop()!;
    if (FAMILY.has(k)) continue;
    FAMILY.set(k, family);
    todo.push(...(COMPATIBLE[k] ?? []));
  }
}

export function compatible(a: EventKind, b: EventKind): boolean {
  return a === b || (COMPATIBLE[a]?.includes(b) ?? false);
}
