// Preloaded into the server by the benches (`node --import ./bench/gcMeter.mjs dist/server.js`):
// each pause of the main thread's collector, one stderr line ("[gc] minor 12.34"), so that a bench
// can count them between two moments of its own. stderr, not stdout: stdout carries the protocol
// (--trace-gc would write into it). Worker threads are not watched (their pauses block no request).
import { isMainThread } from 'node:worker_threads';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

if (isMainThread) {
  new PerformanceObserver((list) => {
    let out = '';
    for (const e of list.getEntries()) out += `[gc] ${KINDS[e.detail?.kind] ?? 'other'} ${e.duration.toFixed(2)}\n`;
    process.stderr.write(out);
  }).observe({ entryTypes: ['gc'] });
}
