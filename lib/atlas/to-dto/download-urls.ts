import "server-only";
import type { RawJob } from "./jobs";

export const REDACTED = "[redacted]";

// Viewers must never receive a way to download a snapshot, and Atlas adds or renames URL fields over
// time, so redaction goes by rule rather than by a list of known field names:
// - every string under a key that names a URL (deliveryUrl, snapshotUrl, a future exportURL, ...),
//   except inside Atlas's `links`, which point at the API itself;
// - anywhere, any string that is a URL carrying credentials or a signed query (presigned S3, Azure
//   SAS, GCS, CloudFront): whoever holds one can download.
const URL_KEY = /url/i;
const SIGNED_PARAM = /sig|token|credential|secret|password|^key|policy|googleaccessid|^se$|^sp$|^sv$|auth/i;

function isSecretUrl(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) || !URL.canParse(value.trim())) return false;
  const url = new URL(value.trim());
  return url.username !== "" || url.password !== "" || [...url.searchParams.keys()].some((k) => SIGNED_PARAM.test(k));
}

/** A deep copy of Atlas's JSON with every download URL, and every URL that grants access, replaced by "[redacted]". */
export function redactUrls(value: unknown, urlKey = false, inLinks = false): unknown {
  if (typeof value === "string") return (urlKey && !inLinks) || isSecretUrl(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((v) => redactUrls(v, urlKey, inLinks));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactUrls(v, URL_KEY.test(k), inLinks || k === "links")]),
    );
  }
  return value;
}

/** Every download URL of a job, labelled for a person choosing which one to use. */
export function downloadUrlsOf(raw: RawJob): Array<{ label: string; url: string }> {
  const urls: Array<{ label: string; url: string }> = [];
  const r = raw as Partial<Record<string, unknown>> & {
    deliveryUrl?: string[] | null;
    privateDownloadDeliveryUrls?: Array<{ deliveryUrl?: string | null; endpointId?: string | null }> | null;
    components?: Array<{
      replicaSetName?: string | null;
      downloadUrl?: string | null;
      privateDownloadDeliveryUrls?: Array<{ deliveryUrl?: string | null; endpointId?: string | null }> | null;
    }> | null;
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
      if (p.deliveryUrl)
        urls.push({ label: `Shard ${shard}, private endpoint ${p.endpointId ?? ""}`.trim(), url: p.deliveryUrl });
    }
  }
  if (r.snapshotUrl) urls.push({ label: "Snapshot", url: r.snapshotUrl });
  return urls.filter(({ url }) => URL.canParse(url));
}
