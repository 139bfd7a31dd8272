// Proxy latency: our /api list route next to fetching the same data straight from the simulator.
import { SimulatorClient } from "../lib/simulator/testing/simulator-client";
import { figure, percentile, timeRuns, type BenchFigure } from "./stats";
import type { Stack } from "./stack";

const RUNS = 60;
const WARMUP = 5;

/** Every upstream page of a list, first page then the rest concurrently: what a direct client must do for exact counts. */
export async function directAll(simulatorUrl: string, token: string, path: string): Promise<void> {
  const get = async (page: number) => {
    const res = await fetch(`${simulatorUrl}/api/atlas/v2${path}?itemsPerPage=500&pageNum=${page}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.atlas.2023-01-01+json" },
    });
    if (!res.ok) throw new Error(`direct ${res.status}`);
    return (await res.json()) as { totalCount: number };
  };
  const first = await get(1);
  const pages = Math.ceil(first.totalCount / 500);
  await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => get(i + 2)));
}

export async function benchProxy(stack: Stack): Promise<BenchFigure[]> {
  const simulator = new SimulatorClient(stack.simulator.url);
  const { groupId, bigRestoreCluster, exportCluster } = (await simulator.fixtures()).showcase;
  const token = await simulator.bearerToken(stack.simulator.credentials);
  const cookie = await stack.cookie();
  const figures: BenchFigure[] = [];

  const cases = [
    {
      label: `restore jobs, ${bigRestoreCluster} (1,200 jobs)`,
      upstream: `/groups/${groupId}/clusters/${bigRestoreCluster}/backup/restoreJobs`,
      ours: `/api/projects/${groupId}/clusters/${bigRestoreCluster}/restore-jobs?pageSize=50&status=failed`,
    },
    {
      label: `exports, ${exportCluster}`,
      upstream: `/groups/${groupId}/clusters/${exportCluster}/backup/exports`,
      ours: `/api/projects/${groupId}/clusters/${exportCluster}/exports?pageSize=50`,
    },
  ];
  for (const c of cases) {
    const direct = await timeRuns(RUNS, WARMUP, () => directAll(stack.simulator.url, token, c.upstream));
    const proxied = await timeRuns(RUNS, WARMUP, async () => {
      const res = await fetch(`${stack.appUrl}${c.ours}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`proxy ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    });
    for (const p of [50, 99]) {
      figures.push(
        figure(
          `proxy p${p}: ${c.label}`,
          percentile(proxied, p),
          percentile(direct, p),
          "ms",
          "baseline: every upstream page fetched directly from the simulator",
        ),
      );
    }
  }
  return figures;
}
