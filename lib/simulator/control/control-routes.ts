// /__simulator/* (only with control: true): fixtures, faults (and faults/{id}), counters, clock, config, exports.
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { iso } from "../clock";
import { SHOWCASE } from "../data/showcase";
import { sendJson } from "../http/respond";
import type { SimState } from "../state";
import { FaultSchema } from "./faults";
import { InjectExportSchema, injectExport } from "./inject-export";
import { ClockBodySchema, ConfigBodySchema, type Fixtures } from "./schemas";

const json = (res: ServerResponse, status: number, body: unknown) =>
  sendJson(res, status, body, "application/json", true);

function parse<T>(schema: z.ZodType<T>, raw: string, res: ServerResponse): T | undefined {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    json(res, 400, { error: "invalid JSON" });
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    json(res, 400, { error: z.prettifyError(result.error) });
    return undefined;
  }
  return result.data;
}

export function fixtures(state: SimState): Fixtures {
  const { world } = state.store;
  const first = world.projects[0];
  return {
    orgId: world.org.id,
    projects: world.projects.map((p) => ({ id: p.id, name: p.name })),
    showcase: {
      groupId: first?.id ?? "",
      projectName: SHOWCASE.projectName,
      bigRestoreCluster: SHOWCASE.bigRestoreCluster,
      exportCluster: SHOWCASE.exportCluster,
      sharedM2Cluster: SHOWCASE.sharedM2Cluster,
      sharedM5MigratedCluster: SHOWCASE.sharedM5MigratedCluster,
      flexCluster: SHOWCASE.flexCluster,
      restoreJobCount: SHOWCASE.restoreJobCount,
    },
  };
}

export function handleControl(
  state: SimState,
  method: string,
  pathname: string,
  raw: string,
  res: ServerResponse,
): void {
  const route = `${method} ${pathname.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /__simulator/fixtures":
      return json(res, 200, fixtures(state));
    case "POST /__simulator/faults": {
      const spec = parse(FaultSchema, raw, res);
      if (spec) json(res, 200, { id: state.faults.add(spec) });
      return;
    }
    case "DELETE /__simulator/faults":
      state.faults.clear();
      return json(res, 200, { cleared: true });
    case "GET /__simulator/counters":
      return json(res, 200, state.counters.snapshot());
    case "DELETE /__simulator/counters":
      state.counters.reset();
      return json(res, 200, { reset: true });
    case "GET /__simulator/clock":
      return json(res, 200, { now: iso(state.clock.nowMs() / 1000) });
    case "POST /__simulator/clock": {
      const body = parse(ClockBodySchema, raw, res);
      if (!body) return;
      state.clock.advance(body.advanceSeconds);
      return json(res, 200, { now: iso(state.clock.nowMs() / 1000) });
    }
    case "POST /__simulator/exports": {
      const body = parse(InjectExportSchema, raw, res);
      if (!body) return;
      const made = injectExport(state, body);
      return json(res, "error" in made ? 404 : 200, made);
    }
    case "GET /__simulator/config":
      return json(res, 200, { tenantSunset: state.config.tenantSunset });
    case "POST /__simulator/config": {
      const body = parse(ConfigBodySchema, raw, res);
      if (!body) return;
      if (body.tenantSunset !== undefined) state.config.tenantSunset = body.tenantSunset;
      return json(res, 200, { tenantSunset: state.config.tenantSunset });
    }
    default: {
      const fault = /^DELETE \/__simulator\/faults\/([^/]+)$/.exec(route);
      if (fault?.[1]) {
        const id = decodeURIComponent(fault[1]);
        // 200 either way, so a test's cleanup never fails on a fault its own requests used up.
        return json(res, 200, { id, removed: state.faults.remove(id) });
      }
      return json(res, 404, { error: `unknown control route ${route}` });
    }
  }
}
