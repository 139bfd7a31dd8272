import "server-only";

/**
 * A caller's mistake (a TTL of zero, a score that is not a number), not a failure of the backing
 * service. Both stores reject with it before touching their data, so the resilient store passes it
 * on instead of failing over: a fallback would reject it the same way, and an outage it is not.
 */
export class StoreArgumentError extends Error {
  override name = "StoreArgumentError";
}

export function checkWhole(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new StoreArgumentError(`${name} must be a whole number >= ${min}, got ${value}`);
  }
}

export function checkScore(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new StoreArgumentError(`${name} must be a finite number, got ${value}`);
}
