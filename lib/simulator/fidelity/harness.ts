import { z } from "zod";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../index";
import { API_PREFIX } from "./spec";

// Test harness: one simulator with the control interface, its fixtures, a bearer token, and
// plain fetch helpers. Requests go over real HTTP so the suite checks what a client would see.

const FixturesSchema = z.object({
  orgId: z.string(),
  projects: z.array(z.object({ id: z.string(), name: z.string() })).min(2),
  showcase: z.object({
    groupId: z.string(),
    projectName: z.string(),
    bigRestoreCluster: z.string(),
    exportCluster: z.string(),
    sharedM2Cluster: z.string(),
    sharedM5MigratedCluster: z.string(),
    flexCluster: z.string(),
    restoreJobCount: z.number().int(),
  }),
});
export type Fixtures = z.infer<typeof FixturesSchema>;

export interface AtlasResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  /** Full media type or a bare date; null sends no Accept header. Default: the op's version. */
  accept?: string | null;
  body?: unknown;
  /** "bearer" (default), "none", or a literal Authorization header value. */
  auth?: "bearer" | "none" | { header: string };
  contentType?: string;
}

export interface Harness {
  sim: RunningSimulator;
  fixtures: Fixtures;
  token: string;
  atlas(method: string, path: string, opts?: RequestOptions): Promise<AtlasResponse>;
  control(method: string, path: string, body?: unknown): Promise<AtlasResponse>;
  fetchToken(clientId?: string, clientSecret?: string): Promise<AtlasResponse>;
  close(): Promise<void>;
}

export const media = (version: string) => `application/vnd.atlas.${version}+json`;

async function send(url: string, init: RequestInit): Promise<AtlasResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ port: 0, control: true, quiet: true, ...options });
  const fetchToken = (clientId = sim.credentials.clientId, clientSecret = sim.credentials.clientSecret) =>
    send(`${sim.url}/api/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: "grant_type=client_credentials",
    });
  const control = (method: string, path: string, body?: unknown) =>
    send(`${sim.url}/__simulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const fixtures = FixturesSchema.parse((await control("GET", "fixtures")).json);
  const tokenRes = await fetchToken();
  const token = z.object({ access_token: z.string() }).parse(tokenRes.json).access_token;

  const atlas = (method: string, path: string, opts: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    const accept = opts.accept === undefined ? null : opts.accept;
    if (accept !== null) headers.accept = accept.includes("/") ? accept : media(accept);
    const auth = opts.auth ?? "bearer";
    if (auth === "bearer") headers.authorization = `Bearer ${token}`;
    else if (auth !== "none") headers.authorization = auth.header;
    if (opts.body !== undefined) headers["content-type"] = opts.contentType ?? headers.accept ?? "application/json";
    const url = path.startsWith("/") ? `${sim.url}${path.startsWith(API_PREFIX) ? "" : API_PREFIX}${path}` : path;
    return send(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  };

  return { sim, fixtures, token, atlas, control, fetchToken, close: () => sim.close() };
}

export function results(res: AtlasResponse): Array<Record<string, unknown>> {
  const body = res.json as { results?: Array<Record<string, unknown>> } | undefined;
  if (res.status !== 200 || !Array.isArray(body?.results)) {
    throw new Error(`expected a list, got ${res.status} ${res.text.slice(0, 300)}`);
  }
  return body.results;
}

export const mediaTypeOf = (res: AtlasResponse) => (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
