// Proxy latency: our /api list route next to fetching the same data straight from the simulator.
import { figure, percentile, timeRuns, type BenchFigure } from "./stats";
import type { Stack } from "./stack";

const RUNS = 60;
const WARMUP = 5;

interface Fixtures {
  showcase: { groupId: string; bigRestoreCluster: string; exportCluster: string };
}

async function bearer(stack: Stack): Promise<string> {
  const { clientId, clientSecret } = stack.simulator.credentials;
  const res = await fetch(`${stack.simulator.url}/api/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: "grant_type=client_credentials",
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

/** Every upstream page of a list, first page then the rest concurrently: what a direct client must do for exact counts. */
async function directAll(stack: Stack, token: string, path: string): Promise<void> {
  const get = async (page: number) => {
    const res = await fetch(`${stack.simulator.url}/api/atlas/v2${path}?itemsPerPage=500&pageNum=${page}`, {
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
  const fixtures = (await (await fetch(`${stack.simulator.url}/__simulator/fixtures`)).json()) as Fixtures;
  const { groupId, bigRestoreCluster, exportCluster } = fixtures.showcase;
  const token = await bearer(stack);
  const cookie = await stack.cookie();
  const figures: BenchFigure[] = [];

  const cases = [
    { label: `restore jobs, ${bigRestoreCluster} (1,200 jobs)`, upstream: `/groups/${groupId}/clusters/${bigRestoreCluster}/backup/restoreJobs`, ours: `/api/projects/${groupId}/clusters/${bigRestoreCluster}/restore-jobs?pageSize=50&status=failed` },
    { label: `exports, ${exportCluster}`, upstream: `/groups/${groupId}/clusters/${exportCluster}/backup/exports`, ours: `/api/projects/${groupId}/clusters/${exportCluster}/exports?pageSize=50` },
  ];
  for (const c of cases) {
    const direct = await timeRuns(RUNS, WARMUP, () => directAll(stack, token, c.upstream));
    const proxied = await timeRuns(RUNS, WARMUP, async () => {
      const res = await fetch(`${stack.appUrl}${c.ours}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`proxy ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    });
    for (const p of [50, 99]) {
      figures.push(
        figure(`proxy p${p}: ${c.label}`, percentile(proxied, p), percentile(direct, p), "ms", "baseline: every upstream page fetched directly from the simulator"),
      );
    }
  }
  return figures;
}
