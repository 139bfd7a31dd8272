import "server-only";
import { describe, expect, it } from "vitest";
import { downloadUrlsOf, redactDownloadUrls } from "./download-urls";

const restore = {
  id: "68173a40aaaaaaaaaaaaaaaa",
  deliveryType: "download",
  deliveryUrl: ["https://restore.example/a?sig=1", "https://restore.example/b?sig=2"],
  privateDownloadDeliveryUrls: [{ deliveryUrl: "https://vpce.example/a?sig=3", endpointId: "vpce-0123456789abcdef0" }],
  components: [{ replicaSetName: "shard-0", downloadUrl: "https://restore.example/s0?sig=4" }],
  links: [{ href: "https://cloud.mongodb.com/api/atlas/v2/groups/x", rel: "self" }],
};

describe("redactDownloadUrls", () => {
  it("replaces every download URL, wherever it sits, and leaves the rest", () => {
    const redacted = JSON.stringify(redactDownloadUrls(restore));
    expect(redacted).not.toMatch(/sig=/);
    expect(redactDownloadUrls(restore)).toMatchObject({
      deliveryUrl: ["[redacted]", "[redacted]"],
      privateDownloadDeliveryUrls: [{ deliveryUrl: "[redacted]", endpointId: "vpce-0123456789abcdef0" }],
      components: [{ replicaSetName: "shard-0", downloadUrl: "[redacted]" }],
      links: restore.links,
    });
    expect(redactDownloadUrls({ id: "x", snapshotUrl: "https://s.example/x" })).toEqual({ id: "x", snapshotUrl: "[redacted]" });
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
    expect(downloadUrlsOf({ id: "x", snapshotUrl: "https://s.example/x" })).toEqual([{ label: "Snapshot", url: "https://s.example/x" }]);
  });
});
