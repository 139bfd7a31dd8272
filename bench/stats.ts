export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the reference measured in the same run. */
  baseline: number;
  ratio: number;
  note: string;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function figure(name: string, value: number, baseline: number, unit: string, note: string): BenchFigure {
  return { name, value, unit, baseline, ratio: baseline > 0 ? value / baseline : Number.NaN, note };
}

export async function timeRuns(runs: number, warmup: number, fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}
