import { describe, expect, it } from "vitest";
import { TooManyAttempts, clientAddress, createSignInLimiter } from "@/lib/server/auth/signin-limiter";
import { signInErrorMessage } from "@/lib/signin/messages";

const limits = { perName: 3, perAddress: 5, windowSeconds: 60 };

async function outcome(p: Promise<void>): Promise<"ok" | number> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof TooManyAttempts) return error.retryAfterSeconds;
    throw error;
  }
}

describe("sign-in limiter", () => {
  it("locks a name after its failures, from any address, with the wait in seconds", async () => {
    const limiter = createSignInLimiter(limits);
    expect(await outcome(limiter.fail("ann", "10.0.0.1"))).toBe("ok");
    expect(await outcome(limiter.fail("ann", "10.0.0.2"))).toBe("ok");
    const third = await outcome(limiter.fail("ann", "10.0.0.3"));
    expect(third).toBeGreaterThan(0);
    expect(third).toBeLessThanOrEqual(60);
    expect(await outcome(limiter.check("ann", "10.9.9.9"))).toBeGreaterThan(0);
    expect(await outcome(limiter.check("bob", "10.9.9.9"))).toBe("ok");
  });

  it("locks an address spraying many names", async () => {
    const limiter = createSignInLimiter(limits);
    for (const name of ["a", "b", "c", "d"]) expect(await outcome(limiter.fail(name, "10.0.0.9"))).toBe("ok");
    expect(await outcome(limiter.fail("e", "10.0.0.9"))).toBeGreaterThan(0);
    expect(await outcome(limiter.check("f", "10.0.0.9"))).toBeGreaterThan(0);
    expect(await outcome(limiter.check("f", "10.0.0.8"))).toBe("ok");
  });

  it("a success clears the name's failures", async () => {
    const limiter = createSignInLimiter(limits);
    await limiter.fail("ann", "10.0.0.1");
    await limiter.fail("ann", "10.0.0.1");
    await limiter.succeed("ann");
    expect(await outcome(limiter.fail("ann", "10.0.0.1"))).toBe("ok");
    expect(await outcome(limiter.check("ann", "10.0.0.1"))).toBe("ok");
  });

  it("its error code reads as a clear message", () => {
    expect(signInErrorMessage(new TooManyAttempts(42).message)).toBe("Too many failed attempts. Try again in 42 s.");
  });
});

describe("clientAddress", () => {
  it("takes the entry the nearest trusted proxy appended, not what the client wrote", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("1.1.1.1", 5)).toBe("1.1.1.1");
    expect(clientAddress(undefined, 1)).toBe("unknown");
  });
});

describe("sign-in limiter on a shared Redis", () => {
  it("two instances count the same failures", async () => {
    const { startRedis } = await import("@/lib/store/testing/redis-server");
    const { redisClientFor } = await import("@/lib/store/redis-client");
    const server = await startRedis();
    const [c1, c2] = [redisClientFor(server.url), redisClientFor(server.url)];
    try {
      await Promise.all([c1, c2].map((c) => (c.status === "ready" ? null : new Promise((r) => c.once("ready", r)))));
      const prefix = `{t-${Date.now()}}`;
      const [a, b] = [
        createSignInLimiter(limits, { client: c1, prefix }),
        createSignInLimiter(limits, { client: c2, prefix }),
      ];
      expect(await outcome(a.fail("ann", "10.0.0.1"))).toBe("ok");
      expect(await outcome(b.fail("ann", "10.0.0.2"))).toBe("ok");
      expect(await outcome(a.fail("ann", "10.0.0.3"))).toBeGreaterThan(0);
      expect(await outcome(b.check("ann", "10.0.0.4"))).toBeGreaterThan(0);
    } finally {
      c1.disconnect();
      c2.disconnect();
      await server.stop();
    }
  });
});
