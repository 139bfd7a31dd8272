// Seeded randomness: every generated value derives from (seed, a stable key), so the same seed yields
// the same data set and one cluster's jobs can be regenerated lazily without touching the others.

export interface Rng {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  hex(length: number): string;
}

/** FNV-1a over the key parts; stable across runs and platforms. */
export function hashKey(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${part}\u0000`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for fixtures (not for secrets). */
export function createRng(...keyParts: Array<string | number>): Rng {
  let state = hashKey(...keyParts);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
    hex: (length) => {
      let out = "";
      while (out.length < length)
        out += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, "0");
      return out.slice(0, length);
    },
  };
}

/** Atlas ids are ObjectIds: 4 bytes of creation time (Unix seconds, big-endian) then 8 random bytes. */
export function objectId(timeSec: number, rng: Rng): string {
  return Math.max(0, Math.floor(timeSec)).toString(16).padStart(8, "0").slice(-8) + rng.hex(16);
}

export function objectIdTime(id: string): number {
  return parseInt(id.slice(0, 8), 16);
}
