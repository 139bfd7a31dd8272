// A real, throwaway Prometheus for the metrics tests: loopback only, its own temp dir (config, token
// file, TSDB), on a free port, scraping one target every second with a bearer token. Debian's package
// (bash scripts/ensure-prometheus.sh) or PROMETHEUS pointing at a binary.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { freePort, spawnServer } from "../../store/testing/redis-server";

const BINARY = process.env.PROMETHEUS ?? "/usr/bin/prometheus";
const MISSING = `prometheus not found at ${BINARY}. The metrics tests run a real Prometheus: install Debian's package with
  sudo apt-get install -y prometheus   (or: bash scripts/ensure-prometheus.sh)
or point PROMETHEUS at a prometheus binary (>= 2.42).`;

export interface PrometheusOptions {
  /** host:port of the target. */
  target: string;
  metricsPath: string;
  /** Sent as `Authorization: Bearer`; kept in a file of the temp dir, never on the command line. */
  token: string;
  /** The scrape job's name (the `job` label). */
  job?: string;
}

const SampleSchema = z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) });
export type Sample = { labels: Record<string, string>; value: number };
const QuerySchema = z.object({
  status: z.literal("success"),
  data: z.object({ resultType: z.literal("vector"), result: z.array(SampleSchema) }),
});
const TargetsSchema = z.object({
  status: z.literal("success"),
  data: z.object({
    activeTargets: z.array(
      z.object({ health: z.string(), lastError: z.string(), lastScrape: z.string(), scrapePool: z.string() }),
    ),
  }),
});
export type Target = z.infer<typeof TargetsSchema>["data"]["activeTargets"][number];

export interface PrometheusServer {
  url: string;
  /** An instant query through the HTTP API (/api/v1/query). */
  query(expr: string): Promise<Sample[]>;
  /** The scrape target as Prometheus sees it: health, last error, last scrape. */
  target(): Promise<Target>;
  /** Waits for a scrape that started after this call, and returns the target then. */
  nextScrape(timeoutMs?: number): Promise<Target>;
  /** Polls `expr` until `accept` holds for its samples (or throws with the last answer). */
  waitFor(expr: string, accept: (samples: Sample[]) => boolean, timeoutMs?: number): Promise<Sample[]>;
  stop(): Promise<void>;
}

export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusServer> {
  if (!existsSync(BINARY)) throw new Error(MISSING);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "backwatch-prometheus-"));
  const job = options.job ?? "backwatch";
  await writeFile(join(dir, "token"), options.token, { mode: 0o600 });
  // JSON is YAML: no YAML writer needed.
  const config = {
    global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
    scrape_configs: [
      {
        job_name: job,
        metrics_path: options.metricsPath,
        authorization: { type: "Bearer", credentials_file: join(dir, "token") },
        static_configs: [{ targets: [options.target] }],
      },
    ],
  };
  await writeFile(join(dir, "prometheus.yml"), JSON.stringify(config));
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnServer(BINARY, [
    `--config.file=${join(dir, "prometheus.yml")}`,
    `--storage.tsdb.path=${join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--log.level=warn",
  ]);
  await ready(url, child, output);

  const get = async (path: string) => {
    const res = await fetch(new URL(path, url));
    if (!res.ok) throw new Error(`prometheus ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res.json() as Promise<unknown>;
  };
  const query = async (expr: string) =>
    QuerySchema.parse(await get(`/api/v1/query?query=${encodeURIComponent(expr)}`)).data.result.map((s) => ({
      labels: s.metric,
      value: Number(s.value[1]),
    }));
  const findTarget = async () =>
    TargetsSchema.parse(await get("/api/v1/targets?state=active")).data.activeTargets.find((x) => x.scrapePool === job);
  const target = async () => {
    const t = await findTarget();
    if (!t) throw new Error(`prometheus has no target in ${job}`);
    return t;
  };
  const poll = async <T>(what: string, step: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = await step();
      if (got !== undefined) return got;
      if (Date.now() > deadline) throw new Error(`prometheus: ${what} not seen within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  return {
    url,
    query,
    target,
    nextScrape(timeoutMs = 15_000) {
      const after = Date.now();
      return poll(
        "a new scrape",
        async () => {
          // Right after start-up the target may not be discovered yet.
          const t = await findTarget();
          return t && Date.parse(t.lastScrape) > after ? t : undefined;
        },
        timeoutMs,
      );
    },
    async waitFor(expr, accept, timeoutMs = 20_000) {
      let last: Sample[] = [];
      try {
        return await poll(
          expr,
          async () => {
            last = await query(expr);
            return accept(last) ? last : undefined;
          },
          timeoutMs,
        );
      } catch (error) {
        throw new Error(`${(error as Error).message}; last answer: ${JSON.stringify(last).slice(0, 500)}`);
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function ready(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`prometheus not ready on ${url} within 20 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
