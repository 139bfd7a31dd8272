import { request } from "urllib";
import { describe, expect, it } from "vitest";
import { harnessPerFile, media } from "./harness";
import { createFidelitySpec } from "./spec";

// Service accounts (spec: info.description, components.securitySchemes.ServiceAccounts; Atlas docs:
// atlas/api/service-accounts/generate-oauth2-token): client_credentials token with Basic auth, Bearer use, expiry,
// the OAuth-style error body, and the token endpoint's own rate limit.

const spec = createFidelitySpec();
const V1 = media("2023-01-01");
// A short lifetime so expiry can be shown by moving the simulated clock.
const h = harnessPerFile({ tokenTtlSeconds: 2, rateLimit: { tokenCapacity: 8, tokenRefillPerMinute: 1 } });

describe("service account tokens", () => {
  it("issues a Bearer token with the documented shape", async () => {
    const res = await h.fetchToken();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type") ?? "").toMatch(/^application\/json/);
    expect(res.json).toMatchObject({ token_type: "Bearer", expires_in: 2 });
    expect(typeof (res.json as { access_token: unknown }).access_token).toBe("string");
  });

  it("rejects a bad client secret with the OAuth invalid_client body", async () => {
    const res = await h.fetchToken(h.sim.credentials.clientId, "wrong-secret");
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error_description: "Invalid credentials provided.", error: "invalid_client" });
  });

  it("a fresh token works; once expired it gets 401 and a new token works again", async () => {
    const token = (await h.fetchToken()).json as { access_token: string };
    const path = `/groups/${h.fixtures.showcase.groupId}`;
    const auth = { header: `Bearer ${token.access_token}` };
    const fresh = await h.atlas("GET", path, { accept: V1, auth });
    expect(fresh.status).toBe(200);
    expect(spec.validateResponse("getGroup", 200, fresh.headers.get("content-type"), fresh.json)).toEqual([]);

    // Token lifetimes run on simulated time, which the control clock advances (lib/simulator/README.md): no real wait.
    expect((await h.control("POST", "clock", { advanceSeconds: 10 })).status).toBe(200);
    const expired = await h.atlas("GET", path, { accept: V1, auth });
    expect(expired.status).toBe(401);
    expect(spec.validateApiError(expired.json)).toEqual([]);

    const renewed = (await h.fetchToken()).json as { access_token: string };
    expect(renewed.access_token).not.toBe(token.access_token);
    expect(
      (await h.atlas("GET", path, { accept: V1, auth: { header: `Bearer ${renewed.access_token}` } })).status,
    ).toBe(200);
  });

  it("the token endpoint has its own bucket: exhausting it gives 429 while API calls still work", async () => {
    let last = await h.fetchToken();
    for (let i = 0; i < 20 && last.status !== 429; i++) last = await h.fetchToken();
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    const { publicKey, privateKey } = h.sim.credentials;
    const api = await request(`${h.sim.url}/api/atlas/v2/groups/${h.fixtures.showcase.groupId}`, {
      digestAuth: `${publicKey}:${privateKey}`,
      headers: { accept: V1 },
      dataType: "json",
    });
    expect(api.status).toBe(200);
  });
});
