import { afterAll, beforeAll } from "vitest";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../index";
import { SimulatorClient, sendRequest, type Fixtures, type HttpResult } from "../testing/simulator-client";
import { API_PREFIX } from "./spec";

// Test harness: one simulator with the control interface, its fixtures, a bearer token, and
// plain fetch helpers. Requests go over real HTTP so the suite checks what a client would see.

export type AtlasResponse = HttpResult;

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
  client: SimulatorClient;
  fixtures: Fixtures;
  token: string;
  atlas(method: string, path: string, opts?: RequestOptions): Promise<AtlasResponse>;
  control: SimulatorClient["control"];
  fetchToken(clientId?: string, clientSecret?: string): Promise<AtlasResponse>;
  close(): Promise<void>;
}

export const media = (version: string) => `application/vnd.atlas.${version}+json`;

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ port: 0, control: true, quiet: true, ...options });
  const client = new SimulatorClient(sim.url);
  const fetchToken = (clientId = sim.credentials.clientId, clientSecret = sim.credentials.clientSecret) =>
    client.fetchToken({ clientId, clientSecret });
  const control = client.control.bind(client);
  const fixtures = await client.fixtures();
  if (fixtures.projects.length < 2) throw new Error("the fidelity suite needs at least two projects");
  const token = await client.bearerToken(sim.credentials);

  const atlas = (method: string, path: string, opts: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    const accept = opts.accept === undefined ? null : opts.accept;
    if (accept !== null) headers.accept = accept.includes("/") ? accept : media(accept);
    const auth = opts.auth ?? "bearer";
    if (auth === "bearer") headers.authorization = `Bearer ${token}`;
    else if (auth !== "none") headers.authorization = auth.header;
    if (opts.body !== undefined) headers["content-type"] = opts.contentType ?? headers.accept ?? "application/json";
    const url = path.startsWith("/") ? `${sim.url}${path.startsWith(API_PREFIX) ? "" : API_PREFIX}${path}` : path;
    return sendRequest(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  };

  return { sim, client, fixtures, token, atlas, control, fetchToken, close: () => sim.close() };
}

/** One harness for the calling test file: its fields are filled in by beforeAll, so read them in tests and hooks. */
export function harnessPerFile(options: SimulatorOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(options));
  });
  afterAll(async () => {
    if (h.sim) await h.close();
  });
  return h;
}

export function results(res: AtlasResponse): Array<Record<string, unknown>> {
  const body = res.json as { results?: Array<Record<string, unknown>> } | undefined;
  if (res.status !== 200 || !Array.isArray(body?.results)) {
    throw new Error(`expected a list, got ${res.status} ${res.text.slice(0, 300)}`);
  }
  return body.results;
}

export const mediaTypeOf = (res: AtlasResponse) => (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
