// The timeline's index built in process (issue #14), as a request that finds it unbuilt builds it:
// the axis, then each lane mode, on synthetic events the size of the 10,000-article corpus's
// (167,000 events, 3,000 participants, 10,000 documents; dated in the corpus's order, by date),
// and the same built a step at a time (the server's catch-up): its steps' count and the longest.
//   node --import tsx bench/timelineIndex.ts [--events 167000] [--runs 5] [--seed 1]
import { TimelineIndex, type CorpusEvent, type LaneInfo, type LaneMode } from '../src/core/index.js';
import { mulberry32 } from '../test/support/corpusGenerator.js';
import { arg, median, ms, sampleLoad } from './table.js';

const options = { events: Number(arg('events', '167000')), runs: Number(arg('runs', '5')), seed: Number(arg('seed', '1')) };
const load = sampleLoad();

function syntheticEvents(count: number, seed: number) {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  const people = Array.from({ length: 3000 }, (_, i) => `person-${i}`);
  const documents = Array.from({ length: 10_000 }, (_, i) => `file:///corpus/article-${i}.txt`);
  const dateOf = () => {
    const year = 2015 + Math.floor(random() ** 3 * 10);
    const r = random();
    return r < 0.7 ? `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}` : r < 0.85 ? `${year}-${pad(1 + Math.floor(random() * 12))}` : String(year);
  };
  const events = Array.from({ length: count }, (_, i) => ({
    id: `event:${i}`, date: random() < 0.1 ? null : dateOf(), kind: 'meeting', title: `Meeting ${i}`, place: null,
    participants: Array.from({ length: Math.floor(random() * 4) }, () => pick(people)),
    mentions: Array.from({ length: 1 + Math.floor(random() ** 4 * 4) }, () => ({ path: pick(documents) })).sort((a, b) => (a.path < b.path ? -1 : 1)),
  }) as unknown as CorpusEvent);
  // As the corpus gives them: dated first, by date (as text), then the undated.
  const dated = events.filter((e) => e.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  return [...dated, ...events.filter((e) => !e.date)];
}

/** Lanes as the server makes them: one object per participant or document, made once, found by its id or path. */
function lanesOf() {
  const made = { participant: new Map<string, LaneInfo>(), document: new Map<string, LaneInfo>() };
  const none = { key: 'entity:none', label: 'No participant', detail: '' };
  const lane = (mode: LaneMode, id: string) => {
    let info = made[mode].get(id);
    if (!info) made[mode].set(id, (info = { key: `${mode}:${id}`, label: id, detail: id }));
    return info;
  };
  return (e: CorpusEvent, mode: LaneMode): LaneInfo[] => {
    const lanes: LaneInfo[] = [];
    if (mode === 'participant') {
      for (const id of e.participants) lanes.push(lane(mode, id));
      return lanes.length > 0 ? lanes : [none];
    }
    for (let k = 0; k < e.mentions.length; k++) if (k === 0 || e.mentions[k - 1].path !== e.mentions[k].path) lanes.push(lane(mode, e.mentions[k].path));
    return lanes;
  };
}

const events = syntheticEvents(options.events, options.seed);
const times = { axis: [] as number[], participant: [] as number[], document: [] as number[], stepped: [] as number[], steps: [] as number[], longest: [] as number[] };
/** CPU time of the process (the figures hold under load better than the clock's), in ms. */
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const query = (lanes: LaneMode) => ({ lanes, maxEvents: 400, maxLanes: 40 });
for (let run = 0; run < options.runs; run++) {
  const index = new TimelineIndex(events, lanesOf(), () => '', []);
  let t0 = cpu();
  void index.domain;
  times.axis.push(cpu() - t0);
  for (const mode of ['participant', 'document'] as const) {
    t0 = cpu();
    index.answer(query(mode));
    times[mode].push(cpu() - t0);
  }
  // A step at a time, as between requests: both modes ahead.
  const stepped = new TimelineIndex(events, lanesOf(), () => '', ['participant', 'document']);
  let steps = 0;
  let longest = 0;
  const s0 = cpu();
  for (let done = false; !done; steps++) {
    const t = cpu();
    done = stepped.step();
    longest = Math.max(longest, cpu() - t);
  }
  times.stepped.push(cpu() - s0);
  times.steps.push(steps);
  times.longest.push(longest);
}
const line = (what: string, xs: number[]) => console.log(`${what.padEnd(52)} median ${ms(median(xs)).padStart(9)} · ${xs.map(ms).join(', ')}`);
console.log(`timeline index, ${events.length.toLocaleString('en')} events, CPU time, ${options.runs} runs, node ${process.version}, ${load.summary()}`);
line('the axis (dates placed, sorted, listed)', times.axis);
line('lanes by participant, then the first window', times.participant);
line('lanes by document, then the first window', times.document);
line('all three a step at a time (between requests)', times.stepped);
console.log(`${'  steps'.padEnd(52)} median ${String(median(times.steps)).padStart(9)} · the longest step (CPU), median ${ms(median(times.longest))}, max ${ms(Math.max(...times.longest))}`);
