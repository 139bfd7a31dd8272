import "server-only";

// Test support: the Atlas simulator's /__simulator control interface over plain HTTP.

export interface Fault {
  method?: "GET" | "POST" | "DELETE";
  path: string;
  status?: number;
  errorCode?: string;
  retryAfterSeconds?: number;
  latencyMs?: number;
  drop?: boolean;
  times?: number;
}

export interface Fixtures {
  orgId: string;
  projects: Array<{ id: string; name: string }>;
  showcase: {
    groupId: string;
    projectName: string;
    bigRestoreCluster: string;
    exportCluster: string;
    sharedM2Cluster: string;
    sharedM5MigratedCluster: string;
    flexCluster: string;
    restoreJobCount: number;
  };
}

type Counters = { total: number; byRoute: Record<string, Record<string, number>> };

export function simulatorControl(baseUrl: string) {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(`/__simulator/${path}`, baseUrl), {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator control ${method} ${path}: ${response.status}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    fixtures: () => control("GET", "fixtures") as Promise<Fixtures>,
    addFault: (fault: Fault) => control("POST", "faults", fault),
    clearFaults: () => control("DELETE", "faults"),
    resetCounters: () => control("DELETE", "counters"),
    configure: (config: { tenantSunset?: boolean }) => control("POST", "config", config),
    counters: () => control("GET", "counters") as Promise<Counters>,
    /** Requests answered with `status` on routes whose "METHOD /path" matches `route`. */
    async count(route: RegExp, status?: number): Promise<number> {
      const { byRoute } = await this.counters();
      let sum = 0;
      for (const [key, byStatus] of Object.entries(byRoute)) {
        if (!route.test(key)) continue;
        for (const [s, n] of Object.entries(byStatus)) if (status === undefined || Number(s) === status) sum += n;
      }
      return sum;
    },
  };
}
export type SimulatorControl = ReturnType<typeof simulatorControl>;
