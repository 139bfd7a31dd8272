// Two clocks. Simulated time (data, job lifecycles, OAuth token expiry) runs `speed` times faster than
// wall time plus manual advances. Protocol time (digest nonces, rate-limit buckets) is wall time plus
// manual advances only: a client waits Retry-After in wall seconds, and nonces must survive high speeds.

export interface SimClock {
  /** Simulated now, Unix milliseconds. */
  nowMs(): number;
  /** Wall time plus manual advances, milliseconds. */
  protocolMs(): number;
  advance(seconds: number): void;
  readonly speed: number;
  readonly startMs: number;
}

export function createClock(options: { speed?: number; startMs?: number; wallNow?: () => number } = {}): SimClock {
  const wallNow = options.wallNow ?? Date.now;
  const speed = options.speed ?? 1;
  const wallStart = wallNow();
  const startMs = options.startMs ?? wallStart;
  let advancedMs = 0;
  return {
    speed,
    startMs,
    nowMs: () => startMs + (wallNow() - wallStart) * speed + advancedMs,
    protocolMs: () => wallNow() + advancedMs,
    advance: (seconds) => {
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new RangeError("advanceSeconds must be a non-negative number");
      advancedMs += seconds * 1000;
    },
  };
}

export const iso = (sec: number): string => new Date(Math.round(sec) * 1000).toISOString().replace(".000Z", "Z");
