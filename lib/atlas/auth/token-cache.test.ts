import "server-only";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AtlasError } from "../errors";
import { createTokenCache } from "./token-cache";

function tokenServer(expiresIn: number) {
  let issued = 0;
  const fetch = vi.fn<typeof globalThis.fetch>(async () => {
    issued += 1;
    return Response.json({ access_token: `token-${issued}`, expires_in: expiresIn, token_type: "Bearer" });
  });
  return {
    fetch,
    cache: createTokenCache({
      baseUrl: "http://127.0.0.1:9",
      clientId: "id",
      clientSecret: "s3cret",
      timeoutMs: 1_000,
      fetch,
    }),
  };
}

afterEach(() => vi.useRealTimers());

describe("createTokenCache", () => {
  it("shares one in-flight request and then serves from cache", async () => {
    const { fetch, cache } = tokenServer(3600);
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["token-1", "token-1", "token-1"]);
    expect(await cache.get()).toBe("token-1");
    expect(fetch).toHaveBeenCalledTimes(1);
    const [, init] = fetch.mock.calls[0]!;
    expect(new Headers(init?.headers).get("authorization")).toBe(
      `Basic ${Buffer.from("id:s3cret").toString("base64")}`,
    );
    expect(init?.body).toBe("grant_type=client_credentials");
  });

  it("refreshes shortly before the token expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { cache } = tokenServer(3600);
    expect(await cache.get()).toBe("token-1");
    vi.setSystemTime(Date.now() + 3_530_000); // 70 s before expiry: still fine
    expect(await cache.get()).toBe("token-1");
    vi.setSystemTime(Date.now() + 20_000); // 50 s before expiry: inside the refresh margin
    expect(await cache.get()).toBe("token-2");
  });

  it("forgets an invalidated token, but not a newer one", async () => {
    const { cache } = tokenServer(3600);
    await cache.get();
    cache.invalidate("token-1");
    expect(await cache.get()).toBe("token-2");
    cache.invalidate("token-1");
    expect(await cache.get()).toBe("token-2");
  });

  it("turns an OAuth error into an auth AtlasError without the secret", async () => {
    const fetch: typeof globalThis.fetch = async () =>
      Response.json({ error: "invalid_client", error_description: "Invalid credentials provided." }, { status: 401 });
    const cache = createTokenCache({
      baseUrl: "http://127.0.0.1:9",
      clientId: "id",
      clientSecret: "s3cret",
      timeoutMs: 1_000,
      fetch,
    });
    const error = await cache.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasError);
    expect(error).toMatchObject({
      kind: "auth",
      status: 401,
      errorCode: "invalid_client",
      url: "http://127.0.0.1:9/api/oauth/token",
    });
    expect(String((error as Error).message)).not.toContain("s3cret");
  });
});
