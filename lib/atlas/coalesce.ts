import "server-only";

/**
 * One in-flight promise per key: identical concurrent upstream fetches share a single Atlas call.
 * Nothing is kept after it settles; a shared cache can take this module's place without callers changing.
 */
export type Coalescer = <T>(key: string, load: () => Promise<T>) => Promise<T>;

export function createCoalescer(): Coalescer {
  const inflight = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const existing = inflight.get(key);
    if (existing) return existing as Promise<T>;
    const promise = load().finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  };
}
