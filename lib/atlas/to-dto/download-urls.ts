import "server-only";
import type { RawJob } from "./jobs";

// The fields through which Atlas hands out snapshot download URLs (presigned: whoever holds one can download).
const URL_FIELDS = new Set(["deliveryUrl", "downloadUrl", "snapshotUrl"]);
export const REDACTED = "[redacted]";

/** A deep copy of Atlas's JSON with every download/delivery URL replaced by "[redacted]". */
export function redactDownloadUrls(value: unknown, key?: string): unknown {
  if (key !== undefined && URL_FIELDS.has(key)) {
    if (typeof value === "string") return REDACTED;
    if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? REDACTED : redactDownloadUrls(v)));
  }
  if (Array.isArray(value)) return value.map((v) => redactDownloadUrls(v));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDownloadUrls(v, k)]));
  }
  return value;
}

/** Every download URL of a job, labelled for a person choosing which one to use. */
export function downloadUrlsOf(raw: RawJob): Array<{ label: string; url: string }> {
  const urls: Array<{ label: string; url: string }> = [];
  const r = raw as Partial<Record<string, unknown>> & {
    deliveryUrl?: string[] | null;
    privateDownloadDeliveryUrls?: Array<{ deliveryUrl?: string | null; endpointId?: string | null }> | null;
    components?: Array<{ replicaSetName?: string | null; downloadUrl?: string | null; privateDownloadDeliveryUrls?: Array<{ deliveryUrl?: string | null; endpointId?: string | null }> | null }> | null;
    snapshotUrl?: string | null;
  };
  const many = (r.deliveryUrl ?? []).length > 1;
  (r.deliveryUrl ?? []).forEach((url, i) => urls.push({ label: many ? `Download ${i + 1}` : "Download", url }));
  for (const p of r.privateDownloadDeliveryUrls ?? []) {
    if (p.deliveryUrl) urls.push({ label: `Private endpoint ${p.endpointId ?? ""}`.trim(), url: p.deliveryUrl });
  }
  for (const c of r.components ?? []) {
    const shard = c.replicaSetName ?? "shard";
    if (c.downloadUrl) urls.push({ label: `Shard ${shard}`, url: c.downloadUrl });
    for (const p of c.privateDownloadDeliveryUrls ?? []) {
      if (p.deliveryUrl) urls.push({ label: `Shard ${shard}, private endpoint ${p.endpointId ?? ""}`.trim(), url: p.deliveryUrl });
    }
  }
  if (r.snapshotUrl) urls.push({ label: "Snapshot", url: r.snapshotUrl });
  return urls.filter(({ url }) => URL.canParse(url));
}
