import { describe, expect, it } from "vitest";
import { AtlasErrorResponse } from "./http/error-response";
import { V_CLUSTERS, V_FLEX, V_TENANT } from "./routes/versions";
import { chooseVersion, requestedVersions, resolveDate } from "./versioning";

const opts = { today: "2026-11-23", enforceSunset: true, resourcePath: "api/atlas/v2/groups/g/clusters" };
const accept = (d: string) => `application/vnd.atlas.${d}+json`;

function errorOf(fn: () => unknown): AtlasErrorResponse {
  try {
    fn();
  } catch (e) {
    if (e instanceof AtlasErrorResponse) return e;
  }
  throw new Error("expected an AtlasErrorResponse");
}

describe("version resolution", () => {
  it("serves the newest resource version not later than the requested date", () => {
    expect(resolveDate("2025-03-12", V_CLUSTERS)?.version).toBe("2024-08-05");
    expect(resolveDate("2023-02-01", V_CLUSTERS)?.version).toBe("2023-02-01");
    expect(resolveDate("2024-08-04", V_CLUSTERS)?.version).toBe("2023-02-01");
    expect(resolveDate("2022-12-31", V_CLUSTERS)).toBeUndefined();
  });

  it("reads the version from a list of media types", () => {
    expect(requestedVersions(`application/json, ${accept("2024-11-13")};q=0.9`)).toEqual(["2024-11-13"]);
    expect(requestedVersions(undefined)).toEqual([]);
  });

  it("answers 406 without a version or before the first one", () => {
    expect(errorOf(() => chooseVersion(undefined, V_FLEX, opts)).status).toBe(406);
    expect(errorOf(() => chooseVersion("application/json", V_FLEX, opts)).status).toBe(406);
    expect(errorOf(() => chooseVersion(accept("2024-11-12"), V_FLEX, opts)).status).toBe(406);
    expect(errorOf(() => chooseVersion("application/vnd.atlas.preview+json", V_FLEX, opts)).status).toBe(406);
  });

  it("marks deprecated versions with Deprecation and Sunset headers", () => {
    const legacy = chooseVersion(accept("2023-01-01"), V_CLUSTERS, opts);
    expect(legacy.version).toBe("2023-01-01");
    expect(legacy.headers.Deprecation).toBe(new Date("2023-02-01T00:00:00Z").toUTCString());
    expect(legacy.headers.Sunset).toBe(new Date("2027-07-01T00:00:00Z").toUTCString());
    expect(chooseVersion(accept("2025-03-12"), V_CLUSTERS, opts).headers).toEqual({});
  });

  it("answers 410 VERSION_GONE past the sunset date with the version and path", () => {
    const e = errorOf(() => chooseVersion(accept("2023-02-01"), V_CLUSTERS, { ...opts, today: "2027-07-01" }));
    expect(e.body()).toMatchObject({
      error: 410,
      errorCode: "VERSION_GONE",
      reason: "Gone",
      parameters: ["2023-02-01", opts.resourcePath],
    });
    expect(chooseVersion(accept("2024-08-05"), V_CLUSTERS, { ...opts, today: "2027-07-01" }).version).toBe(
      "2024-08-05",
    );
  });

  it("serves a sunset version when sunset enforcement is off (tenant endpoints by default)", () => {
    expect(chooseVersion(accept("2025-03-12"), V_TENANT, { ...opts, enforceSunset: false }).version).toBe("2023-01-01");
    expect(errorOf(() => chooseVersion(accept("2025-03-12"), V_TENANT, opts)).errorCode).toBe("VERSION_GONE");
  });
});
