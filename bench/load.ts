// Load for the store section: viewers polling on their own clocks, closed-loop clients, and what
// each answer said (status, latency, `stale`, `fetchedAt`). Every loop is bounded in time.

export interface Answer {
  /** 0 when the request failed without an HTTP answer. */
  status: number;
  startedAt: number;
  endedAt: number;
  ms: number;
  stale: boolean;
  fetchedAt?: number;
  /** In a closed loop: this client's nth request, from 0. */
  seq?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** One GET of our API, read in full; never throws. */
export async function get(url: string, cookie: string): Promise<Answer> {
  const startedAt = Date.now();
  const t0 = performance.now();
  let status = 0;
  let body: { stale?: unknown; fetchedAt?: unknown } = {};
  try {
    const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
    status = res.status;
    body = (await res.json()) as typeof body;
  } catch {
    // status stays what it was: 0 for no answer, or the status of an answer whose body broke off
    if (status === 200) status = 0;
  }
  const fetchedAt = typeof body.fetchedAt === "string" ? Date.parse(body.fetchedAt) : undefined;
  return {
    status,
    startedAt,
    endedAt: Date.now(),
    ms: performance.now() - t0,
    stale: body.stale !== undefined,
    ...(fetchedAt !== undefined && { fetchedAt }),
  };
}

export interface Viewer {
  url: string;
  cookie: string;
}

/**
 * Each viewer polls every `periodMs` on its own clock, from a random phase within the first period,
 * for `durationMs` or until `stop` aborts. A viewer whose answer is late asks again at once (once).
 */
export async function pollViewers(
  viewers: Viewer[],
  periodMs: number,
  durationMs: number,
  stop?: AbortSignal,
  onAnswer?: (a: Answer) => void,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const end = Date.now() + durationMs;
  await Promise.all(
    viewers.map(async (v) => {
      for (let at = Date.now() + Math.random() * periodMs; at < end && !stop?.aborted; at += periodMs) {
        await sleep(at - Date.now());
        if (stop?.aborted) break;
        const answer = await get(v.url, v.cookie);
        answers.push(answer);
        onAnswer?.(answer);
      }
    }),
  );
  return answers;
}

/** `clients` loops, each asking again as soon as its last answer is in, for `durationMs`. */
export async function closedLoop(
  clients: number,
  durationMs: number,
  target: (client: number) => Viewer,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const { url, cookie } = target(i);
      for (let seq = 0; Date.now() < end; seq++) answers.push({ ...(await get(url, cookie)), seq });
    }),
  );
  return answers;
}

/** Calls `fn` every `everyMs` until the signal aborts (bounded by `maxMs`). */
export async function every(everyMs: number, maxMs: number, stop: AbortSignal, fn: () => Promise<void>): Promise<void> {
  const end = Date.now() + maxMs;
  while (!stop.aborted && Date.now() < end) {
    await fn();
    await sleep(everyMs);
  }
}

export const errors = (answers: Answer[]) => answers.filter((a) => a.status !== 200).length;
export const latencies = (answers: Answer[]) => answers.filter((a) => a.status === 200).map((a) => a.ms);
