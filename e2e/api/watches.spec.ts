import type { APIRequestContext } from "@playwright/test";
import { ErrorEnvelopeSchema, JobListSchema } from "../../lib/jobs/dto";
import { MAX_WATCHES, WatchListSchema, type WatchList, type WatchTarget } from "../../lib/watches/dto";
import { expect, test } from "../support/api-fixtures";
import { listPath, randomId } from "../support/routes";
import type { Fixtures } from "../support/simulator-control";
import { watchPath } from "../support/watches";

// The watch routes as a viewer calls them (viewers may watch: it reveals nothing they cannot see).
// Only completed jobs are watched here: nothing to keep fresh, so the collector is not kept busy.

async function completedJobs(api: APIRequestContext, fx: Fixtures, count: number): Promise<WatchTarget[]> {
  const { groupId, bigRestoreCluster: clusterName } = fx.showcase;
  const res = await api.get(`${listPath("restore", groupId, clusterName)}?status=completed&pageSize=${count}`);
  expect(res.status()).toBe(200);
  const { items } = JobListSchema.parse(await res.json());
  expect(items.length).toBe(count);
  return items.map((j) => ({ groupId, clusterName, kind: "restore", jobId: j.id }));
}

async function send(api: APIRequestContext, method: "put" | "delete", path: string, body?: unknown) {
  const res = await api[method](path, body === undefined ? {} : { data: body });
  return { status: res.status(), json: (await res.json()) as unknown, headers: res.headers() };
}

const listOf = (json: unknown): WatchList => WatchListSchema.parse(json);

// One user's watches: its tests take turns (each starts and ends with none).
test.describe.configure({ mode: "serial" });

test("a viewer watches a job, sees its state from the read model, marks it shown and stops", async ({
  watcher,
  viewer,
  fx,
}) => {
  const [target] = await completedJobs(watcher, fx, 1);
  const put = await send(watcher, "put", "/api/watches", target);
  expect(put.status).toBe(200);
  expect(put.headers["cache-control"]).toBe("no-store");
  const item = listOf(put.json).items.find((w) => w.jobId === target!.jobId);
  expect(item).toMatchObject({
    ...target,
    outcome: "completed",
    notified: null,
    state: { read: true, status: "completed" },
  });
  expect(item!.state.endedAt).toEqual(expect.any(String));
  // Never a download URL, in any field.
  expect(JSON.stringify(put.json)).not.toMatch(/https?:\/\//);

  // Another user's watches are their own.
  expect(listOf(await (await viewer.get("/api/watches")).json()).items.map((w) => w.jobId)).not.toContain(
    target!.jobId,
  );

  const shown = await send(watcher, "put", "/api/watches/notified", { ...target, outcome: "completed" });
  expect(shown.status).toBe(200);
  expect(listOf(shown.json).items[0]?.notified?.outcome).toBe("completed");
  // A reload asks again and is told it was shown.
  const again = listOf(await (await watcher.get("/api/watches")).json());
  expect(again.items[0]?.notified?.outcome).toBe("completed");

  const del = await send(watcher, "delete", watchPath(target!));
  expect(del.status).toBe(200);
  expect(listOf(del.json).items).toEqual([]);
  const gone = await send(watcher, "put", "/api/watches/notified", { ...target, outcome: "completed" });
  expect(gone.status).toBe(404);
});

test(`one user holds at most ${MAX_WATCHES} watches; one more is a 409 that changes nothing`, async ({
  watcher,
  fx,
}) => {
  const targets = await completedJobs(watcher, fx, MAX_WATCHES + 1);
  for (const t of targets.slice(0, MAX_WATCHES))
    expect((await send(watcher, "put", "/api/watches", t)).status).toBe(200);
  const over = await send(watcher, "put", "/api/watches", targets[MAX_WATCHES]);
  expect(over.status).toBe(409);
  const envelope = ErrorEnvelopeSchema.parse(over.json);
  expect(envelope.error.code).toBe("CONFLICT");
  expect(envelope.error.message).toContain(String(MAX_WATCHES));
  const list = listOf(await (await watcher.get("/api/watches")).json());
  expect(list.items).toHaveLength(MAX_WATCHES);
  expect(list.items.map((w) => w.jobId)).not.toContain(targets[MAX_WATCHES]!.jobId);
  // Watching one already watched again renews it rather than counting twice.
  expect((await send(watcher, "put", "/api/watches", targets[0])).status).toBe(200);
});

test("a job its list does not have is a 404, and a signed-out caller a 401", async ({ watcher, anon, fx }) => {
  const [target] = await completedJobs(watcher, fx, 1);
  const missing = await send(watcher, "put", "/api/watches", { ...target, jobId: randomId() });
  expect(missing.status).toBe(404);
  expect(ErrorEnvelopeSchema.parse(missing.json).error.code).toBe("NOT_FOUND");
  for (const [method, path] of [
    ["get", "/api/watches"],
    ["put", "/api/watches"],
    ["delete", watchPath(target!)],
  ] as const) {
    const res = await anon[method](path, method === "put" ? { data: target } : {});
    expect(res.status(), `${method} ${path}`).toBe(401);
  }
  expect(listOf(await (await watcher.get("/api/watches")).json()).items).toEqual([]);
});
