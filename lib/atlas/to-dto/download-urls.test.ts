import "server-only";
import { describe, expect, it } from "vitest";
import { downloadUrlsOf, redactUrls } from "./download-urls";

const restore = {
  id: "68173a40aaaaaaaaaaaaaaaa",
  deliveryType: "download",
  deliveryUrl: ["https://restore.example/a?sig=1", "https://restore.example/b?sig=2"],
  privateDownloadDeliveryUrls: [{ deliveryUrl: "https://vpce.example/a?sig=3", endpointId: "vpce-0123456789abcdef0" }],
  components: [{ replicaSetName: "shard-0", downloadUrl: "https://restore.example/s0?sig=4" }],
  links: [{ href: "https://cloud.mongodb.com/api/atlas/v2/groups/x", rel: "self" }],
};

describe("redactUrls", () => {
  it("redacts URLs under field names it has never seen, and URLs that grant access wherever they sit", () => {
    const job = {
      id: "68173a40aaaaaaaaaaaaaaaa",
      exportURL: "https://bucket.example/x",
      mirrorUrls: ["https://m1.example/a", { region: "eu", restoreUrl: "https://m2.example/b" }],
      nested: { deeper: { signedLocation: "https://s3.example/o?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc" } },
      azure: "https://acct.blob.core.windows.net/c/b?sv=2024-01-01&se=2026-12-02&sp=r&sig=xyz",
      gcs: "https://storage.googleapis.com/b/o?X-Goog-Signature=abc",
      withCredentials: "https://user:pass@files.example/dump.tgz",
      ftp: "ftp://u:p@files.example/x",
      note: "see https://docs.example/x",
      description: "restore of db.orders",
      href: "https://cloud.mongodb.com/api/atlas/v2/groups/x?pageNum=2",
      links: [
        {
          href: "https://cloud.mongodb.com/api/atlas/v2/groups/x",
          rel: "self",
          sourceUrl: "https://cloud.mongodb.com/y",
        },
      ],
    };
    const redacted = redactUrls(job) as Record<string, unknown>;
    const text = JSON.stringify(redacted);
    for (const leak of [
      "bucket.example",
      "m1.example",
      "m2.example",
      "s3.example",
      "windows.net",
      "googleapis",
      "user:pass",
      "u:p@",
    ]) {
      expect(text).not.toContain(leak);
    }
    expect(redacted).toMatchObject({
      id: job.id,
      exportURL: "[redacted]",
      mirrorUrls: ["[redacted]", { region: "eu", restoreUrl: "[redacted]" }],
      description: job.description,
      note: job.note,
      href: job.href,
      links: job.links,
    });
  });

  it("replaces every download URL, wherever it sits, and leaves the rest", () => {
    const redacted = JSON.stringify(redactUrls(restore));
    expect(redacted).not.toMatch(/sig=/);
    expect(redactUrls(restore)).toMatchObject({
      deliveryUrl: ["[redacted]", "[redacted]"],
      privateDownloadDeliveryUrls: [{ deliveryUrl: "[redacted]", endpointId: "vpce-0123456789abcdef0" }],
      components: [{ replicaSetName: "shard-0", downloadUrl: "[redacted]" }],
      links: restore.links,
    });
    expect(redactUrls({ id: "x", snapshotUrl: "https://s.example/x" })).toEqual({ id: "x", snapshotUrl: "[redacted]" });
  });
});

describe("downloadUrlsOf", () => {
  it("labels each URL", () => {
    expect(downloadUrlsOf(restore)).toEqual([
      { label: "Download 1", url: "https://restore.example/a?sig=1" },
      { label: "Download 2", url: "https://restore.example/b?sig=2" },
      { label: "Private endpoint vpce-0123456789abcdef0", url: "https://vpce.example/a?sig=3" },
      { label: "Shard shard-0", url: "https://restore.example/s0?sig=4" },
    ]);
    expect(downloadUrlsOf({ id: "x", snapshotUrl: "https://s.example/x" })).toEqual([
      { label: "Snapshot", url: "https://s.example/x" },
    ]);
  });
});
