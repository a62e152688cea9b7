// What a decision in a long document costs the stage that finds its reports again
// (AnalysisStage.eventMentionsOf): the reports found passage by passage (eventsByPassage, only the
// passage whose names changed is read again) beside the whole text read as one (what the stage did
// before, and what it still does for a document of one passage). CPU time, median of runs.
//   node --import tsx bench/eventsAfterDecision.ts [--mb 1] [--runs 3]
import * as os from 'node:os';
import { analyzeDocument } from '../src/core/index.js';
import { eventsByPassage } from '../src/core/document/passageEvents.js';
import { tokenize } from '../src/core/entities/tokenize.js';
import { extractEvents } from '../src/core/events/extract.js';
import { createWorld, generateLongDocument } from '../test/support/corpusGenerator.js';
import { arg, median } from './table.js';

const text = generateLongDocument(createWorld(1, 1000), 1000, Number(arg('mb', '1')) * 1024 * 1024);
const analysis = analyzeDocument(text, { path: 'long.txt' });
// The decision: the first report's first agent is "not an entity".
const gone = analysis.events.find((e) => e.agent.length > 0)!.agent[0];
const entities = analysis.entities.filter((m) => m !== gone);

function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const byPassage: number[] = [];
const whole: number[] = [];
for (let r = 0; r < Number(arg('runs', '3')); r++) {
  byPassage.push(cpuMs(() => eventsByPassage(text, analysis, entities, analysis.timex)));
  whole.push(cpuMs(() => {
    const { tokens, sentences } = tokenize(text);
    return extractEvents(tokens, sentences, entities, analysis.timex, text);
  }));
}
console.log(`a name taken away in a ${(text.length / 1048576).toFixed(1)} MB document of ${analysis.passages.length} passages · load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  its reports by passage (eventsByPassage):   ${median(byPassage).toFixed(0)} ms CPU`);
console.log(`  the whole text read as one:                 ${median(whole).toFixed(0)} ms CPU`);
