import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import type { RunEnv } from "./run-env";

export const FixturesSchema = z.object({
  orgId: z.string(),
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  showcase: z.object({
    groupId: z.string(),
    projectName: z.string(),
    bigRestoreCluster: z.string(),
    exportCluster: z.string(),
    sharedM2Cluster: z.string(),
    sharedM5MigratedCluster: z.string(),
    flexCluster: z.string(),
    restoreJobCount: z.number(),
  }),
});
export type Fixtures = z.infer<typeof FixturesSchema>;

const CountersSchema = z.object({ total: z.number(), byRoute: z.record(z.string(), z.record(z.string(), z.number())) });
export type Counters = z.infer<typeof CountersSchema>;

export type Fault = {
  method?: "GET" | "POST" | "DELETE";
  path: string;
  status?: number;
  errorCode?: string;
  retryAfterSeconds?: number;
  latencyMs?: number;
  times?: number;
};

// Atlas resource versions per path family (FACTS.md §1).
function versionFor(path: string): string {
  if (path.includes("/flexClusters")) return "2024-11-13";
  if (/\/clusters(\?|$)/.test(path)) return "2024-08-05";
  return "2023-01-01";
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A fault path regex matching exactly this Atlas API path (after /api/atlas/v2). */
export const exactAtlasPath = (path: string) => `^${escape(`/api/atlas/v2${path}`)}$`;

/** A fault path regex for every Atlas path under one cluster (dedicated, shared-tier or Flex). */
export const clusterFaultPath = (groupId: string, cluster: string) =>
  `^/api/atlas/v2/groups/${groupId}/(clusters|flexClusters)/${escape(cluster)}(/.*)?$`;

/** The simulator's control interface plus direct Atlas calls with this run's credentials. */
export class Simulator {
  private token: string | undefined;

  private constructor(
    private readonly http: APIRequestContext,
    private readonly env: RunEnv,
  ) {}

  static async open(env: RunEnv): Promise<Simulator> {
    return new Simulator(await playwrightRequest.newContext({ baseURL: env.simUrl }), env);
  }

  async close() {
    await this.http.dispose();
  }

  private async json(method: "GET" | "POST" | "DELETE", path: string, data?: unknown): Promise<unknown> {
    const res = await this.http.fetch(path, { method, data });
    if (!res.ok()) throw new Error(`simulator ${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : res.json();
  }

  async fixtures(): Promise<Fixtures> {
    return FixturesSchema.parse(await this.json("GET", "/__simulator/fixtures"));
  }
  async counters(): Promise<Counters> {
    return CountersSchema.parse(await this.json("GET", "/__simulator/counters"));
  }
  async addFault(fault: Fault): Promise<void> {
    await this.json("POST", "/__simulator/faults", fault);
  }
  async setConfig(config: { tenantSunset?: boolean }): Promise<void> {
    await this.json("POST", "/__simulator/config", config);
  }

  private async bearer(): Promise<string> {
    if (this.token) return this.token;
    const basic = Buffer.from(`${this.env.atlas.clientId}:${this.env.atlas.clientSecret}`).toString("base64");
    const res = await this.http.post("/api/oauth/token", {
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      data: "grant_type=client_credentials",
    });
    if (!res.ok()) throw new Error(`simulator token: ${res.status()}`);
    this.token = z.object({ access_token: z.string() }).parse(await res.json()).access_token;
    return this.token;
  }

  /** GET an Atlas API path (after /api/atlas/v2) straight from the simulator, as Atlas would answer it. */
  async atlas(path: string): Promise<Record<string, unknown>> {
    const res = await this.http.get(`/api/atlas/v2${path}`, {
      headers: { Authorization: `Bearer ${await this.bearer()}`, Accept: `application/vnd.atlas.${versionFor(path)}+json` },
    });
    if (!res.ok()) throw new Error(`atlas GET ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
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

/** How many simulator requests so far touched a path containing `fragment`. */
export function callsMatching(counters: Counters, fragment: string): number {
  return Object.entries(counters.byRoute)
    .filter(([route]) => route.includes(fragment))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}
