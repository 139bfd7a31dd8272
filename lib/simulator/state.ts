// Everything one running simulator holds.
import { DigestAuth } from "./auth/digest";
import { PrincipalRegistry } from "./auth/principals";
import { TokenStore } from "./auth/tokens";
import { createClock, type SimClock } from "./clock";
import { Counters } from "./control/counters";
import { FaultTable } from "./control/faults";
import { Store } from "./data/store";
import type { ResolvedOptions } from "./options";
import { RateLimiter } from "./rate-limit/limiter";

export interface SimState {
  options: ResolvedOptions;
  clock: SimClock;
  store: Store;
  digest: DigestAuth;
  tokens: TokenStore;
  principals: PrincipalRegistry;
  limiter: RateLimiter;
  faults: FaultTable;
  counters: Counters;
  config: { tenantSunset: boolean };
  baseUrl: string;
}

export function createState(options: ResolvedOptions, wallNow: () => number = Date.now): SimState {
  const clock = createClock({ speed: options.speed, startMs: options.startMs, wallNow });
  return {
    options,
    clock,
    store: new Store(options.seed, options.scale, Math.floor(options.startMs / 1000)),
    digest: new DigestAuth({ now: clock.protocolMs, nonceTtlSeconds: options.nonceTtlSeconds }),
    tokens: new TokenStore(clock.nowMs, options.tokenTtlSeconds),
    principals: new PrincipalRegistry(options.credentials, options.extraCredentials),
    limiter: new RateLimiter(clock.protocolMs, options.rateLimit),
    faults: new FaultTable(),
    counters: new Counters(),
    config: { tenantSunset: options.tenantSunset },
    baseUrl: "",
  };
}
