// Closed classes of English words the clause reader and the factuality rules lean on: enough to tell
// a determiner from a verb, an auxiliary from a main verb, a clause's edge from its middle.

export const DETERMINERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'another', 'each',
  'every', 'some', 'any', 'no', 'such', 'both', 'all', 'several', 'many', 'few', 'two', 'three', 'four', 'five', 'first', 'second',
  'third', 'last', 'latest', 'recent', 'same', 'other', 'further', 'new', 'one',
]);
/** Determiners that point back to something already told. */
export const ANAPHORIC = new Set(['this', 'that', 'these', 'those', 'same', 'such']);
/** Quantifiers that make a plural generic: "the majority of the attacks", "any formal recognition". */
export const GENERIC_QUANTIFIERS = new Set(['any', 'every', 'each', 'majority', 'most', 'many', 'such', 'various', 'numerous']);

export const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', 'am']);
export const HAVE = new Set(['have', 'has', 'had', 'having']);
export const DO = new Set(['do', 'does', 'did']);
export const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall', 'ought', "'ll", 'wo', 'ca']);
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'nor', 'neither', 'without', 'nt', 'cannot']);
/** Words before "to" that make the verb after it unrealised: "is expected to ratify", "seeks to expand". */
export const IRREALIS_BEFORE_TO = new Set([
  'expected', 'likely', 'set', 'plans', 'planned', 'planning', 'plan', 'aims', 'aimed', 'seeks', 'sought', 'seeking', 'hopes', 'hoped', 'hope',
  'wants', 'wanted', 'intends', 'intended', 'going', 'about', 'able', 'unable', 'ready', 'willing', 'needs', 'need', 'has', 'have', 'had',
  'order', 'urged', 'asked', 'called', 'tried', 'trying', 'attempt', 'attempted', 'refused', 'failed', 'threatened', 'promised', 'vowed', 'agreed',
  'decided', 'chose', 'choose', 'offered', 'proposed', 'due', 'scheduled',
]);
/** Adverbs that make a happening habitual or ongoing. */
export const HABITUAL = new Set(['growing', 'increasing', 'rising', 'continuing', 'repeatedly', 'regularly', 'often', 'usually', 'always', 'daily', 'routinely', 'constantly', 'frequently', 'continuously', 'continually', 'relentless', 'relentlessly', 'ongoing', 'continuous', 'intensive', 'periodic', 'occasional']);
/** Words that open a condition or an unknown. */
export const CONDITIONAL = new Set(['if', 'unless', 'whether', 'whenever', 'lest']);
/** Words that open a new clause: the factuality of what precedes them stops there. */
export const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'while', 'when', 'after', 'before', 'since', 'where', 'whereas', 'until', 'as', 'so', 'but', 'and', 'or', 'yet', 'however', 'therefore', 'despite']);
export const PREPOSITIONS = new Set([
  'of', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'for', 'about', 'against', 'between', 'among', 'during', 'after', 'before', 'since',
  'into', 'onto', 'over', 'under', 'near', 'outside', 'inside', 'within', 'without', 'through', 'across', 'toward', 'towards', 'upon',
  'amid', 'amidst', 'following', 'despite', 'regarding', 'concerning', 'via', 'per', 'like', 'than', 'around', 'along', 'beyond', 'behind',
]);
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'him', 'them', 'us', 'me']);
/** Adverbs skipped between a subject and its verb: "had also held", "recently pinpointed". */
export const ADVERBS = new Set([
  'also', 'recently', 'previously', 'reportedly', 'already', 'still', 'later', 'then', 'again', 'officially', 'formally', 'directly', 'just',
  'soon', 'yet', 'now', 'earlier', 'reportedly', 'allegedly', 'apparently', 'finally', 'eventually', 'initially', 'first', 'once', 'jointly',
  'publicly', 'clearly', 'successfully', 'quickly', 'immediately', 'subsequently', 'personally', 'only', 'even', 'too', 'further',
]);
/** Verbs whose object noun is the happening and whose subject its doer: "held a meeting", "paid a visit", "issued a statement". */
export const LIGHT_VERBS = new Set([
  'held', 'hold', 'holds', 'holding', 'had', 'has', 'have', 'paid', 'pay', 'pays', 'made', 'make', 'makes', 'conducted', 'conduct', 'carried',
  'gave', 'give', 'gives', 'issued', 'issue', 'issues', 'led', 'lead', 'leads', 'took', 'take', 'takes', 'reached', 'reach', 'signed', 'attended',
  'attend', 'hosted', 'host', 'convened', 'organised', 'organized', 'launched', 'staged', 'delivered', 'announced', 'concluded', 'struck', 'sealed',
  'completed', 'began', 'started', 'suffered', 'faced', 'won', 'lost', 'filed', 'brought', 'ordered', 'called', 'mounted', 'break', 'broke',
  'violate', 'violated',
]);
/** Nouns of reporting that, after "according to", give a source, not a happening. */
export const ATTRIBUTION = new Set(['according']);

/** A word that is probably an adjective or a noun modifier before a noun: "deadly", "recent", "terrorist". */
export function modifierLike(word: string): boolean {
  return /(al|ic|ous|ful|ive|ary|ory|ible|able|ian|ese|ish|ist|ly|less|ent|ant)$/.test(word) || DETERMINERS.has(word);
}

/** Adjectives ending in -ly: "a deadly attack" is a noun after an adjective, not a verb after an adverb. */
export const LY_ADJECTIVES = new Set(['deadly', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'costly', 'friendly', 'likely', 'elderly', 'bloody', 'holy', 'lonely', 'lively', 'unlikely', 'timely', 'orderly', 'nightly', 'hourly', 'quarterly', 'ugly', 'unruly']);
/** Verbs after which a participle tells a state: "remains outlawed", "seems settled". */
export const STATE_VERBS = new Set(['remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'become', 'becomes', 'became', 'look', 'looks', 'feel', 'feels', 'got', 'get', 'gets']);
/** A negation written into a word: "didn’t", "can't", "won’t". */
export function negatedWord(word: string): boolean {
  return NEGATIONS.has(word) || /n['’]t$/.test(word);
}
