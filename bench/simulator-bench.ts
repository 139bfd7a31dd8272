// Simulator figures: a 500-item restore-jobs page at scale 10 against a trivial node:http server that
// returns a pre-serialized body of the same size (same client, same loopback, same run), and memory
// after 100 clusters' job lists were generated against the memory right after start.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startSimulator } from "../lib/simulator/index";
import { SimulatorClient } from "../lib/simulator/testing/simulator-client";
import { figure, percentile, timeRuns, type BenchFigure } from "./stats";

const V1 = "application/vnd.atlas.2023-01-01+json";
const mb = (bytes: number) => bytes / 1024 / 1024;

async function staticServer(body: string) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": `${V1};charset=utf-8`, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function benchSimulator(): Promise<BenchFigure[]> {
  const sim = await startSimulator({
    port: 0,
    scale: 10,
    quiet: true,
    control: true,
    rateLimit: { backupCapacity: 1_000_000, backupRefillPerMinute: 1_000_000 },
  });
  try {
    const rssAtStart = process.memoryUsage().rss;
    const simulator = new SimulatorClient(sim.url);
    const headers = { Authorization: `Bearer ${await simulator.bearerToken(sim.credentials)}`, Accept: V1 };
    const fixtures = await simulator.fixtures();
    const pageUrl = `${sim.url}/api/atlas/v2/groups/${fixtures.showcase.groupId}/clusters/${fixtures.showcase.bigRestoreCluster}/backup/restoreJobs?itemsPerPage=500`;
    const sample = await (await fetch(pageUrl, { headers })).text();

    const simSamples = await timeRuns(50, 10, async () => {
      const res = await fetch(pageUrl, { headers });
      await res.arrayBuffer();
    });
    const base = await staticServer(sample);
    const baseSamples = await timeRuns(50, 10, async () => {
      const res = await fetch(base.url, { headers });
      await res.arrayBuffer();
    });
    await base.close();

    // Touch 100 clusters' restore-job lists (200 jobs each at scale 10).
    let touched = 0;
    for (const project of fixtures.projects) {
      const list = (await (
        await fetch(`${sim.url}/api/atlas/v2/groups/${project.id}/clusters?itemsPerPage=500`, {
          headers: { ...headers, Accept: "application/vnd.atlas.2024-08-05+json" },
        })
      ).json()) as { results: Array<{ name: string }> };
      for (const c of list.results) {
        if (touched >= 100) break;
        const res = await fetch(
          `${sim.url}/api/atlas/v2/groups/${project.id}/clusters/${c.name}/backup/restoreJobs?itemsPerPage=1`,
          { headers },
        );
        await res.arrayBuffer();
        touched++;
      }
      if (touched >= 100) break;
    }
    global.gc?.();
    const rssAfter = process.memoryUsage().rss;
    return [
      figure(
        "restore-jobs page, 500 items, scale 10 (median)",
        percentile(simSamples, 50),
        percentile(baseSamples, 50),
        "ms",
        `static node:http body of ${Math.round(sample.length / 1024)} KiB`,
      ),
      figure(
        "restore-jobs page, 500 items, scale 10 (p95)",
        percentile(simSamples, 95),
        percentile(baseSamples, 95),
        "ms",
        "same static server, p95",
      ),
      figure(
        `RSS after ${touched} clusters' job lists, scale 10`,
        mb(rssAfter),
        mb(rssAtStart),
        "MiB",
        "RSS right after start (world built, no job lists)",
      ),
    ];
  } finally {
    await sim.close();
  }
}
