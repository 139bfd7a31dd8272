import "server-only";

/**
 * After a 429, Atlas's Retry-After holds back every call in the same rate-limit scope (the project),
 * instead of letting each caller find out with its own 429. Other projects are unaffected.
 */
export interface RateGate {
  /** Resolves when `scope` may call Atlas; rejects via `tooLate` when that would be after `deadline`. */
  pass(scope: string, deadline: number, tooLate: (retryAfterSeconds: number) => Error): Promise<void>;
  close(scope: string, retryAfterSeconds: number): void;
}

export function createRateGate(now: () => number = Date.now): RateGate {
  const closedUntil = new Map<string, number>();
  return {
    async pass(scope, deadline, tooLate) {
      for (let until = closedUntil.get(scope); until !== undefined; until = closedUntil.get(scope)) {
        const waitMs = until - now();
        if (waitMs <= 0) {
          closedUntil.delete(scope);
          return;
        }
        if (until > deadline) throw tooLate(Math.ceil(waitMs / 1000));
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    },
    close(scope, retryAfterSeconds) {
      const until = now() + retryAfterSeconds * 1000;
      if ((closedUntil.get(scope) ?? 0) < until) closedUntil.set(scope, until);
    },
  };
}

/** Retry-After is delta-seconds or an HTTP date; Atlas may omit it, so fall back to its documented first step. */
export function parseRetryAfter(value: string | null, now: number = Date.now(), fallbackSeconds = 10): number {
  if (value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return fallbackSeconds;
}
