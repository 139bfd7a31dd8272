import {
  ClusterListSchema,
  CollectionListSchema,
  DownloadLinksSchema,
  JobDetailSchema,
  JobListSchema,
  ProjectListSchema,
  type CollectionRestoreJob,
  type JobList,
} from "../../lib/jobs/dto";
import { expect, test } from "../support/api-fixtures";
import { atlasListPath, hasDownload, listPath, showcaseClusters } from "../support/routes";

test.describe("every route's 200 shape (operator)", () => {
  test("health answers without a session", async ({ anon }) => {
    const res = await anon.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", store: { kind: "memory", state: "ok" } });
    expect(res.headers()["cache-control"]).toBe("no-store");
  });

  test("session names the user and role, nothing else", async ({ operator, viewer, env }) => {
    expect(await (await operator.get("/api/session")).json()).toEqual({
      name: env.users.operator.name,
      role: "operator",
    });
    expect(await (await viewer.get("/api/session")).json()).toEqual({ name: env.users.viewer.name, role: "viewer" });
  });

  test("projects and clusters", async ({ operator, fx }) => {
    const projects = ProjectListSchema.parse(await (await operator.get("/api/projects")).json());
    expect(projects.items.map((p) => p.id)).toContain(fx.showcase.groupId);

    const res = await operator.get(`/api/projects/${fx.showcase.groupId}/clusters`);
    expect(res.headers()["cache-control"]).toBe("no-store");
    const clusters = ClusterListSchema.parse(await res.json());
    const tier = (name: string) => clusters.items.find((c) => c.name === name)?.tier;
    expect(tier(fx.showcase.bigRestoreCluster)).toBe("dedicated");
    expect(tier(fx.showcase.sharedM2Cluster)).toBe("shared");
    expect(tier(fx.showcase.flexCluster)).toBe("flex");
  });

  test("job lists, details and download links of every kind", async ({ operator, fx }) => {
    for (const { kind, cluster } of showcaseClusters(fx)) {
      const path = listPath(kind, fx.showcase.groupId, cluster);
      const res = await operator.get(`${path}?pageSize=100`);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["cache-control"]).toBe("no-store");
      const list: JobList = JobListSchema.parse(await res.json());
      expect(list.items.length, path).toBeGreaterThan(0);
      expect(list.items.every((job) => job.kind === kind)).toBe(true);
      expect(list.deprecation !== undefined, `${path} deprecation`).toBe(kind === "tenant-restore");

      const first = list.items[0]!;
      const detail = JobDetailSchema.parse(await (await operator.get(`${path}/${first.id}`)).json());
      expect(detail.job.id).toBe(first.id);
      expect(detail.deprecation !== undefined).toBe(kind === "tenant-restore");

      if (hasDownload(kind)) {
        const withUrl = list.items.find((job) => job.hasDownloadUrl);
        expect(withUrl, `${path} has a job with a download URL`).toBeDefined();
        const links = DownloadLinksSchema.parse(await (await operator.get(`${path}/${withUrl!.id}/download`)).json());
        expect(links.jobId).toBe(withUrl!.id);
        expect(links.urls.length).toBeGreaterThan(0);
      }
    }
  });

  test("a collection restore's collections: Atlas's paging and state filter passed through", async ({
    operator,
    sim,
    fx,
  }) => {
    const g = fx.showcase.groupId;
    const cluster = fx.showcase.bigRestoreCluster;
    const path = listPath("collection-restore", g, cluster);
    const list = JobListSchema.parse(await (await operator.get(`${path}?status=completed&pageSize=100`)).json());
    // The showcase's successful job that left collections behind: its detail says so.
    const details = await Promise.all(
      list.items.map(async (j) => JobDetailSchema.parse(await (await operator.get(`${path}/${j.id}`)).json())),
    );
    const partial = details.find(
      (d) => d.job.kind === "collection-restore" && (d.job.collections?.notRestored ?? 0) > 0,
    );
    expect(partial, "a successful collection restore with collections not restored").toBeDefined();
    const id = partial!.job.id;
    const atlas = await sim.atlasAll(`${atlasListPath("collection-restore", g, cluster)}/${id}/collections`);
    const job = partial!.job as CollectionRestoreJob;
    expect(job.collections!.total).toBe(atlas.length);
    const notFound = atlas.filter((c) => c.state === "NOT_FOUND").map((c) => String(c.sourceNamespace));
    expect(notFound.length).toBeGreaterThan(0);

    const res = await operator.get(`${path}/${id}/collections?state=NOT_FOUND&pageSize=500`);
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("no-store");
    const filtered = CollectionListSchema.parse(await res.json());
    expect(filtered.items.map((c) => c.sourceNamespace).sort()).toEqual(notFound.sort());

    const pages = await Promise.all(
      [1, 2].map(async (n) =>
        CollectionListSchema.parse(await (await operator.get(`${path}/${id}/collections?page=${n}&pageSize=2`)).json()),
      ),
    );
    expect(pages[0]!.items.map((c) => c.sourceNamespace)).toEqual(atlas.slice(0, 2).map((c) => c.sourceNamespace));
    expect(pages[1]!.items.map((c) => c.sourceNamespace)).toEqual(atlas.slice(2, 4).map((c) => c.sourceNamespace));
    expect(pages[0]!.hasNext).toBe(true);
    expect(pages[0]!.totalCount).toBe(atlas.length);
  });

  test("security headers on API answers", async ({ operator }) => {
    const headers = (await operator.get("/api/projects")).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});
