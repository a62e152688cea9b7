// What the bench sections share: figures (median, percentiles, durations), a table of rows set
// beside their targets, and the machine's load average sampled through a run.
import * as os from 'node:os';

/** The value after `--name` on the command line, else the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  if (x < 1000) return `${x.toFixed(0)} ms`;
  return `${(x / 1000).toFixed(x < 10_000 ? 2 : 1)} s`;
}

export const count = (n: number) => n.toLocaleString('en-US');

export interface Row {
  what: string;
  figure: string;
  /** A ratio measured in the same run, or another figure beside it. */
  beside?: string;
  target?: string;
  /** true ✓, false ✗, undefined: no target. */
  ok?: boolean;
  /** A heading over the rows after it. */
  section?: boolean;
}

export function printTable(header: string, rows: Row[], notes: string[] = []): void {
  const plain = rows.filter((r) => !r.section);
  const w0 = Math.max(...plain.map((r) => r.what.length), 4);
  const w1 = Math.max(...plain.map((r) => r.figure.length), 6);
  const w2 = Math.max(...plain.map((r) => (r.target ?? '').length), 6);
  const line = (a: string, b: string, c: string, d: string, e: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padEnd(w2)} ${d.padEnd(1)}  ${e}`.trimEnd();
  console.log(header);
  console.log(line('what', 'figure', 'target', ' ', 'beside it (same run)'));
  console.log(line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '-', '-'.repeat(20)));
  for (const r of rows) {
    if (r.section) console.log(`${r.what}${r.beside ? ` · ${r.beside}` : ''}`);
    else console.log(line(r.what, r.figure, r.target ?? '', r.ok === undefined ? ' ' : r.ok ? '✓' : '✗', r.beside ?? ''));
  }
  for (const n of notes) console.log(`note: ${n}`);
}

/** The machine's 1-minute load average, sampled every 10 s from now: other work on it slows every figure. */
export function sampleLoad(): { loads: number[]; summary: () => string } {
  const loads = [os.loadavg()[0]];
  const timer = setInterval(() => loads.push(os.loadavg()[0]), 10_000);
  timer.unref();
  return { loads, summary: () => `load average ${loads[0].toFixed(1)} at the start, ${median(loads).toFixed(1)} median, ${Math.max(...loads).toFixed(1)} max` };
}
