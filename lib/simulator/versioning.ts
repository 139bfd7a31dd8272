// Accept-header versioning (Atlas docs: atlas/api/versioned-api-overview, which documents the 406 and
// the 410 after a sunset). The requested date is an API release date: Atlas serves the newest resource
// version not later than it and names it in Content-Type (seen in Atlas's own per-release doc examples,
// not stated in the docs).
import { AtlasErrorResponse } from "./http/error-response";

export interface ResourceVersion {
  version: string; // YYYY-MM-DD
  sunset?: string; // YYYY-MM-DD (x-sunset)
}

export interface VersionChoice {
  version: string;
  /** Deprecation/Sunset response headers, when the served version is deprecated. */
  headers: Record<string, string>;
}

const VND = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2}|preview)\+json$/i;

/** All atlas dates named in the Accept header, in order. "preview" is kept as-is. */
export function requestedVersions(accept: string | undefined): string[] {
  if (!accept) return [];
  const out: string[] = [];
  for (const part of accept.split(",")) {
    const type = part.split(";")[0]?.trim() ?? "";
    const m = VND.exec(type);
    if (m?.[1]) out.push(m[1].toLowerCase());
  }
  return out;
}

export function resolveDate(requested: string, versions: readonly ResourceVersion[]): ResourceVersion | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(requested)) return undefined;
  let best: ResourceVersion | undefined;
  for (const v of versions) if (v.version <= requested && (!best || v.version > best.version)) best = v;
  return best;
}

const httpDate = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString();

export interface ResolveOptions {
  /** Simulated "today", YYYY-MM-DD. */
  today: string;
  /** When false, x-sunset is not enforced (the tenant endpoints stay served unless tenantSunset is on). */
  enforceSunset: boolean;
  /** Date the oldest version was deprecated when no newer version exists (deprecated operations). */
  deprecatedSince?: string;
  /** Request path without leading slash, for the 410 body. */
  resourcePath: string;
}

export function chooseVersion(
  accept: string | undefined,
  versions: readonly ResourceVersion[],
  o: ResolveOptions,
): VersionChoice {
  const wanted = requestedVersions(accept);
  let chosen: ResourceVersion | undefined;
  for (const date of wanted) {
    const v = resolveDate(date, versions);
    if (v && (!chosen || v.version > chosen.version)) chosen = v;
  }
  if (!chosen) {
    const first = versions.map((v) => v.version).sort()[0] ?? "";
    throw new AtlasErrorResponse(
      406,
      "INVALID_VERSION_DATE",
      `The Accept header must name a supported version, such as application/vnd.atlas.${first}+json.`,
      [accept ?? ""],
    );
  }
  if (o.enforceSunset && chosen.sunset && chosen.sunset <= o.today) {
    throw new AtlasErrorResponse(
      410,
      "VERSION_GONE",
      `Version ${chosen.version} of ${o.resourcePath} is no longer available.`,
      [chosen.version, o.resourcePath],
    );
  }
  const newer = versions
    .filter((v) => v.version > chosen.version)
    .map((v) => v.version)
    .sort()[0];
  const deprecatedSince = newer ?? (chosen.sunset ? o.deprecatedSince : undefined);
  const headers: Record<string, string> = {};
  if (deprecatedSince) headers.Deprecation = httpDate(deprecatedSince);
  if (chosen.sunset) headers.Sunset = httpDate(chosen.sunset);
  return { version: chosen.version, headers };
}
