// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time and the most
// inclusive time (each sample counted once per function on its stack), with the source file of
// each, mapped back from the esbuild bundle through the `// src/...` comments it writes.
//   node --import tsx bench/cpuProfile.ts PROFILE.cpuprofile [--top 25]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface FunctionTime { name: string; where: string; selfMs: number; totalMs: number }

/** For a bundle, the source file of each line (esbuild precedes each module with `// path`). */
function bundleSources(file: string): (line: number) => string | null {
  if (!existsSync(file)) return () => null;
  const starts: Array<{ line: number; source: string }> = [];
  readFileSync(file, 'utf8').split('\n').forEach((text, line) => {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
    if (m) starts.push({ line, source: m[1] });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found: string | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].line <= line) {
        found = starts[mid].source;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

export function summarise(profile: Profile): FunctionTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sources = new Map<string, (line: number) => string | null>();
  const where = (f: CallFrame): string => {
    if (!f.url) return '(native)';
    let file = f.url;
    try {
      if (file.startsWith('file:')) file = fileURLToPath(file);
    } catch {
      // keep the URL
    }
    if (!sources.has(file)) sources.set(file, file.endsWith('.js') ? bundleSources(file) : () => null);
    const source = sources.get(file)!(f.lineNumber);
    return `${source ?? file.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  };
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\u0000${n.callFrame.url}\u0000${n.callFrame.lineNumber}`;
  const times = new Map<string, FunctionTime>();
  const entry = (n: ProfileNode) => {
    const k = key(n);
    let t = times.get(k);
    if (!t) times.set(k, (t = { name: n.callFrame.functionName || '(anonymous)', where: where(n.callFrame), selfMs: 0, totalMs: 0 }));
    return t;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    let node = byId.get(profile.samples[i]);
    if (!node) continue;
    entry(node).selfMs += ms;
    const seen = new Set<FunctionTime>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const t = entry(byId.get(id)!);
      if (!seen.has(t)) {
        seen.add(t);
        t.totalMs += ms;
      }
    }
  }
  return [...times.values()].filter((t) => !/^\((root|program|idle|garbage collector)\)$/.test(t.name) || t.name === '(garbage collector)');
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: cpuProfile.ts PROFILE.cpuprofile [--top N]');
    process.exit(2);
  }
  const i = process.argv.indexOf('--top');
  const top = i >= 0 ? Number(process.argv[i + 1]) : 25;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const all = summarise(profile);
  const wall = (profile.endTime - profile.startTime) / 1000;
  const row = (t: FunctionTime) => `${t.selfMs.toFixed(0).padStart(8)} ${t.totalMs.toFixed(0).padStart(9)} ${((100 * t.totalMs) / wall).toFixed(1).padStart(6)}%  ${t.name} (${t.where})`;
  console.log(`${file}: ${(wall / 1000).toFixed(1)} s profiled`);
  console.log(`by self time\n${'self ms'.padStart(8)} ${'total ms'.padStart(9)} ${'total'.padStart(7)}  function (source)`);
  for (const t of [...all].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) console.log(row(t));
  console.log(`by inclusive time\n${'self ms'.padStart(8)} ${'total ms'.padStart(9)} ${'total'.padStart(7)}  function (source)`);
  for (const t of [...all].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(row(t));
}

if (require.main === module) main();
