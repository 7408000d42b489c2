// Helpers of the benches and the load test: command-line options, one
// percentile, one way to time repeated runs. (Free ports and the Next binary: scripts/lib/app-server.ts.)

/** The value after `--name` on the command line, if any. */
export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Nearest-rank percentile (`p` in 0–100) of unsorted samples; NaN when there are none. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds `run` takes, `runs` times, after `warmups` unmeasured runs (plans, caches, JIT). `run` gets the run's index. */
export async function sample(runs: number, run: (i: number) => Promise<unknown>, warmups = 2): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export type Timing = { name: string; n: number; p50: number; p95: number; max: number };

const round = (value: number) => Math.round(value * 10) / 10;

/** Times `run` (see `sample`), prints p50/p95 to stderr and returns them rounded to 0.1 ms. */
export async function measure(name: string, iterations: number, run: (i: number) => Promise<unknown>, warmups = 2): Promise<Timing> {
  const samples = await sample(iterations, run, warmups);
  const result = { name, n: iterations, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(Math.max(...samples)) };
  process.stderr.write(`  ${name}: p50 ${result.p50} ms, p95 ${result.p95} ms\n`);
  return result;
}
