// Test client of a running simulator: its /__simulator control routes and its OAuth token
// endpoint, over plain fetch so Vitest, Playwright specs and the bench share it. Answers are
// checked with the control routes' own schemas.
import { z } from "zod";
import type { FaultSpec } from "../control/faults";
import type { InjectExport } from "../control/inject-export";
import {
  ClockSchema,
  ConfigSchema,
  CountersSchema,
  ExportInjectedSchema,
  FaultAddedSchema,
  FaultRemovedSchema,
  FixturesSchema,
  type ConfigBody,
  type Counters,
  type Fixtures,
} from "../control/schemas";

export type { ConfigBody, Counters, FaultSpec, Fixtures };

/** An HTTP answer read in full; json is undefined when the body is empty or not JSON. */
export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

type Method = "GET" | "POST" | "DELETE";

export async function sendRequest(url: string | URL, init: RequestInit = {}): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const TokenSchema = z.object({ access_token: z.string() });

export class SimulatorClient {
  constructor(readonly baseUrl: string) {}

  /** The raw answer of one control route ("fixtures", "clock", ...), for tests of the interface itself. */
  control(method: Method, route: string, body?: unknown): Promise<HttpResult> {
    return sendRequest(new URL(`/__simulator/${route}`, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async call<T>(schema: z.ZodType<T>, method: Method, route: string, body?: unknown): Promise<T> {
    const res = await this.control(method, route, body);
    if (res.status !== 200)
      throw new Error(`simulator control ${method} ${route}: ${res.status} ${res.text.slice(0, 300)}`);
    return schema.parse(res.json);
  }

  fixtures(): Promise<Fixtures> {
    return this.call(FixturesSchema, "GET", "fixtures");
  }
  /** Adds a fault and returns its id. */
  async addFault(fault: FaultSpec): Promise<string> {
    return (await this.call(FaultAddedSchema, "POST", "faults", fault)).id;
  }
  /** Removes one fault by id; false when it was already gone (used up by its `times`). */
  async removeFault(id: string): Promise<boolean> {
    return (await this.call(FaultRemovedSchema, "DELETE", `faults/${encodeURIComponent(id)}`)).removed;
  }
  /** Removes every fault: only for a simulator this caller has to itself (a Vitest file's own). */
  async clearFaults(): Promise<void> {
    await this.call(z.unknown(), "DELETE", "faults");
  }
  counters(): Promise<Counters> {
    return this.call(CountersSchema, "GET", "counters");
  }
  async resetCounters(): Promise<void> {
    await this.call(z.unknown(), "DELETE", "counters");
  }
  /** Requests so far on routes ("METHOD /path") matching `match`, answered with `status` if given. */
  async count(match: RegExp | string, status?: number): Promise<number> {
    return requestCount(await this.counters(), match, status);
  }
  /** The simulated time, as an ISO string. */
  async clock(): Promise<string> {
    return (await this.call(ClockSchema, "GET", "clock")).now;
  }
  /** Moves simulated time forward; returns the new time. */
  async advanceClock(seconds: number): Promise<string> {
    return (await this.call(ClockSchema, "POST", "clock", { advanceSeconds: seconds })).now;
  }
  /** Adds an export job starting now that ends as asked (POST exports); returns its id. */
  async injectExport(job: InjectExport): Promise<string> {
    return (await this.call(ExportInjectedSchema, "POST", "exports", job)).id;
  }
  async setConfig(config: ConfigBody): Promise<void> {
    await this.call(ConfigSchema, "POST", "config", config);
  }

  /** The raw client-credentials token answer (tests check its failures too). */
  fetchToken({ clientId, clientSecret }: ClientCredentials): Promise<HttpResult> {
    return sendRequest(new URL("/api/oauth/token", this.baseUrl), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: "grant_type=client_credentials",
    });
  }
  async bearerToken(credentials: ClientCredentials): Promise<string> {
    const res = await this.fetchToken(credentials);
    if (res.status !== 200) throw new Error(`simulator token: ${res.status}`);
    return TokenSchema.parse(res.json).access_token;
  }
}

/** Requests in `counters` on routes matching `match` (a regex, or a substring of "METHOD /path"). */
export function requestCount(counters: Counters, match: RegExp | string, status?: number): number {
  let sum = 0;
  for (const [route, byStatus] of Object.entries(counters.byRoute)) {
    if (typeof match === "string" ? !route.includes(match) : !match.test(route)) continue;
    for (const [s, n] of Object.entries(byStatus)) if (status === undefined || Number(s) === status) sum += n;
  }
  return sum;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A fault path regex matching exactly this Atlas API path (after /api/atlas/v2). */
export const exactAtlasPath = (path: string) => `^${escape(`/api/atlas/v2${path}`)}$`;
/** A fault path regex for every Atlas path under one cluster (dedicated, shared-tier or Flex). */
export const clusterFaultPath = (groupId: string, cluster: string) =>
  `^/api/atlas/v2/groups/${groupId}/(clusters|flexClusters)/${escape(cluster)}(/.*)?$`;
