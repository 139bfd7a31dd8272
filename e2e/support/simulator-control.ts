import { z } from "zod";
import { SimulatorClient } from "../../lib/simulator/testing/simulator-client";
import type { RunEnv } from "./run-env";

export type { Counters, FaultSpec, Fixtures } from "../../lib/simulator/testing/simulator-client";
export { clusterFaultPath, exactAtlasPath, requestCount } from "../../lib/simulator/testing/simulator-client";

// Atlas resource versions per path family (spec: each operation's media types in lib/simulator/fidelity/atlas-openapi.yaml).
function versionFor(path: string): string {
  if (path.includes("/flexClusters")) return "2024-11-13";
  if (path.includes("/collectionRestoreJobs")) return "2025-03-12";
  if (path.includes("/exportBuckets")) return "2024-05-30";
  if (/\/clusters(\?|$)/.test(path)) return "2024-08-05";
  return "2023-01-01";
}

/** The simulator's control interface plus direct Atlas calls with this run's service account. */
export class Simulator extends SimulatorClient {
  private token: Promise<string> | undefined;

  constructor(private readonly env: RunEnv) {
    super(env.simUrl);
  }

  /**
   * Waits until Backwatch has stopped calling Atlas: its collector keeps what was viewed lately fresh
   * (BACKWATCH_WATCH_SECONDS, 10 in this run), so a spec that counts every upstream call first lets
   * that lapse. Quiet means no call for longer than the longest refresh interval of the run.
   */
  async quiet(quietMs = 6_000, timeoutMs = 40_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = (await this.counters()).total;
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error(`Backwatch kept calling Atlas for ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
      const total = (await this.counters()).total;
      if (total !== last) [last, since] = [total, Date.now()];
    }
  }

  /** Calls an Atlas API path (after /api/atlas/v2) straight on the simulator, as Atlas would answer it. */
  async atlas(path: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<Record<string, unknown>> {
    const media = `application/vnd.atlas.${versionFor(path)}+json`;
    const method = init.method ?? "GET";
    const send = async () =>
      fetch(new URL(`/api/atlas/v2${path}`, this.baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${await this.token}`,
          accept: media,
          ...(init.body === undefined ? {} : { "content-type": media }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    this.token ??= this.freshToken();
    let res = await send();
    // Specs move the simulated clock, which can expire a cached token: fetch a new one once.
    if (res.status === 401) {
      this.token = this.freshToken();
      res = await send();
    }
    if (!res.ok) throw new Error(`atlas ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  }

  /**
   * A token for this run's service account. The token endpoint's bucket is per client id, shared with
   * the app under test and every worker, so a 429 is waited out as its Retry-After says (a few times).
   */
  private async freshToken(): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.fetchToken(this.env.atlas);
      if (res.status === 429 && attempt < 4) {
        await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get("retry-after") ?? 6) * 1000));
        continue;
      }
      if (res.status !== 200) throw new Error(`simulator token: ${res.status}`);
      return z.object({ access_token: z.string() }).parse(res.json).access_token;
    }
  }

  /** Every result of a paginated Atlas list, walking all pages. */
  async atlasAll(path: string): Promise<Array<Record<string, unknown>>> {
    const all: Array<Record<string, unknown>> = [];
    for (let page = 1; ; page++) {
      const sep = path.includes("?") ? "&" : "?";
      const body = await this.atlas(`${path}${sep}itemsPerPage=500&pageNum=${page}`);
      const results = (body.results ?? []) as Array<Record<string, unknown>>;
      all.push(...results);
      const links = (body.links ?? []) as Array<{ rel?: string }>;
      if (results.length < 500 || !links.some((l) => l.rel === "next")) return all;
    }
  }
}
