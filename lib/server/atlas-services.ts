import "server-only";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import { createHmac, randomBytes } from "node:crypto";
import { createAtlasClient } from "@/lib/atlas/client";
import type { AtlasClientConfig, AtlasServiceConfig } from "@/lib/atlas/config";
import { getJobDownloadLinks as atlasDownloadLinks } from "@/lib/atlas/jobs-service";
import { createServiceDeps } from "@/lib/atlas/service-deps";
import { createEstateSchedule } from "@/lib/backups/estate";
import { createProjectLimits } from "@/lib/backups/project-limits";
import type { Freshness } from "@/lib/backups/freshness";
import { findJob as findEstateJob, readNow as readEstateNow } from "@/lib/backups/now";
import { resourceFor } from "@/lib/backups/resources";
import * as backups from "@/lib/backups/service";
import * as watches from "@/lib/backups/watches";
import { projectsResource } from "@/lib/backups/resources";
import { readEstateFacts } from "@/lib/metrics/estate-facts";
import { metrics } from "@/lib/metrics/registry";
import type { EventWindow } from "@/lib/jobs/events";
import { OBJECT_ID } from "@/lib/jobs/dto";
import type {
  ClusterEvents,
  ClusterList,
  CollectionList,
  CollectionListQuery,
  DownloadLinks,
  JobDetail,
  JobKind,
  JobList,
  JobListQuery,
  ProjectList,
} from "@/lib/jobs/dto";
import type { StuckSettings } from "@/lib/jobs/stuck";
import type { FindResponse, NowQuery, NowResponse } from "@/lib/now/dto";
import type { NotifiedBody, WatchList, WatchTarget } from "@/lib/watches/dto";
import { createBudget, type Budget, type BudgetConfig } from "@/lib/store/budget";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createReadModel, type DigestChange } from "@/lib/store/read-model";
import { createRedisStore, type RedisStore } from "@/lib/store/redis-store";
import { createResilientStore, type StoreHealth } from "@/lib/store/resilient-store";
import { createScheduler } from "@/lib/store/scheduler";
import type { Store } from "@/lib/store/store";
import { serverEnv, type ServerEnv } from "@/lib/server/env";
import { sealedTokens } from "@/lib/server/shared-tokens";
import { logger } from "@/lib/server/logger";
import { createNotifier } from "@/lib/webhooks/notifier";
import { createSender } from "@/lib/webhooks/sender";

// The composition root: the one module that turns the validated environment into the Atlas client,
// the store (memory, or Redis with memory to fall back on), the budget, the read model and its
// scheduler. Everything below it receives what it needs and reads no environment. Route handlers and
// server components call the functions at the end.

function atlasClientConfig(env: ServerEnv, store: Store): AtlasClientConfig {
  const c = env.atlasCredentials;
  // With Redis, instances share one service-account token; alone, the client's own cache is enough.
  const sharedTokens =
    env.REDIS_URL && c.kind === "service-account" ? sealedTokens(store, env.NEXTAUTH_SECRET, c.clientId) : undefined;
  return {
    baseUrl: env.ATLAS_BASE_URL,
    credentials: c,
    timeoutMs: env.ATLAS_TIMEOUT_MS,
    maxRetries: env.ATLAS_MAX_RETRIES,
    ...(sharedTokens && { sharedTokens }),
  };
}

function atlasServiceConfig(env: ServerEnv): AtlasServiceConfig {
  return { projectAllowlist: env.BACKWATCH_PROJECT_ALLOWLIST };
}

function freshnessOf(env: ServerEnv): Freshness {
  return {
    busyMs: env.BACKWATCH_FRESH_BUSY_SECONDS * 1000,
    idleMs: env.BACKWATCH_FRESH_IDLE_SECONDS * 1000,
    catalogMs: env.BACKWATCH_FRESH_CATALOG_SECONDS * 1000,
  };
}

function stuckOf(env: ServerEnv): StuckSettings {
  const min = 60_000;
  const other = env.BACKWATCH_STUCK_FALLBACK_MINUTES * min;
  return {
    noProgressMs: env.BACKWATCH_STUCK_NO_PROGRESS_MINUTES * min,
    factor: env.BACKWATCH_STUCK_FACTOR,
    floorMs: env.BACKWATCH_STUCK_FLOOR_MINUTES * min,
    fallbackMs: {
      restore: env.BACKWATCH_STUCK_RESTORE_FALLBACK_MINUTES * min,
      export: other,
      "tenant-restore": other,
      "flex-restore": other,
      // Terraform waits 3 h for a collection restore too: the restore fallback, not the one for the rest.
      "collection-restore": env.BACKWATCH_STUCK_RESTORE_FALLBACK_MINUTES * min,
    },
  };
}

function storeOf(
  env: ServerEnv,
  limitsOf: BudgetConfig["limitsOf"],
): { store: Store; health: () => StoreHealth; budget: Budget; redis?: RedisStore } {
  const budgetConfig: BudgetConfig = {
    capacity: env.BACKWATCH_BUDGET_CAPACITY,
    refillPerMinute: env.BACKWATCH_BUDGET_REFILL_PER_MINUTE,
    share: env.BACKWATCH_BUDGET_SHARE,
    ...(env.BACKWATCH_BUDGET_FROM_ATLAS === "true" && { limitsOf }),
  };
  const memory = createMemoryStore();
  if (!env.REDIS_URL) return { store: memory, health: () => ({ state: "ok" }), budget: createBudget(budgetConfig) };
  const redis = createRedisStore({ url: env.REDIS_URL, prefix: env.BACKWATCH_REDIS_PREFIX });
  const store = createResilientStore(redis, memory, logger());
  return {
    store,
    redis,
    health: () => store.health(),
    budget: createBudget(budgetConfig, { client: redis.client as never, prefix: env.BACKWATCH_REDIS_PREFIX }),
  };
}

/** The webhooks' listener on the read model's digests, or undefined when no receiver is configured. */
function webhooksOf(
  env: ServerEnv,
  store: Store,
  owner: string,
  deps: () => backups.BackupsDeps,
): ((change: DigestChange) => void) | undefined {
  if (env.BACKWATCH_WEBHOOK_URLS.length === 0 || !env.BACKWATCH_WEBHOOK_SECRET) return undefined;
  const { webhooks } = metrics();
  const sender = createSender({
    targets: env.BACKWATCH_WEBHOOK_URLS,
    secret: env.BACKWATCH_WEBHOOK_SECRET,
    timeoutMs: 5_000,
    retries: 5,
    minBackoffMs: 1_000,
    maxBackoffMs: 60_000,
    queueLimit: 1_000,
    concurrency: 2,
    log: logger(),
    onDelivery: webhooks.onDelivery,
    onQueue: webhooks.onQueue,
  });
  const notifier = createNotifier({
    store,
    sender,
    events: env.BACKWATCH_WEBHOOK_EVENTS,
    stuck: stuckOf(env),
    staleMs: env.BACKWATCH_WEBHOOK_STALE_MINUTES * 60_000,
    owner,
    publicUrl: env.NEXTAUTH_URL,
    // Through the read model like any reader: from the store, or one read of Atlas if nobody has yet.
    async projectName(groupId) {
      const projects = await deps().readModel.read(projectsResource(deps()));
      return projects.value.find((p) => p.id === groupId)?.name ?? null;
    },
    log: logger(),
  });
  return notifier.onDigest;
}

function build() {
  const env = serverEnv();
  // The budget asks for each project's real bucket, which is read through the read model built on it.
  const limits: { of?: ReturnType<typeof createProjectLimits> } = {};
  // Atlas's Cloud Backups figures size the projects' scopes only; the events' own scopes
  // (`events:{groupId}`, another endpoint set) keep the configured ones.
  const { store, health, budget, redis } = storeOf(env, (scope) =>
    OBJECT_ID.test(scope) ? limits.of?.limitsOf(scope) : undefined,
  );
  const { collector } = metrics();
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let deps: backups.BackupsDeps | undefined = undefined;
  const onDigest = webhooksOf(env, store, owner, () => deps!);
  collector.attach({ budget, degraded: () => health().state !== "ok" });
  const client = createAtlasClient({ ...atlasClientConfig(env, store), onCall: collector.onAtlasCall });
  const atlas = createServiceDeps(client, atlasServiceConfig(env));
  const readModel = createReadModel({
    store,
    budget,
    owner,
    log: logger(),
    // Outlives one refresh at its worst (a timeout per attempt), and frees itself if its holder dies.
    leaseMs: env.ATLAS_TIMEOUT_MS * (env.ATLAS_MAX_RETRIES + 1) + 5_000,
    waitMs: env.ATLAS_TIMEOUT_MS + 2_000,
    failureRetryMs: 5_000,
    maxStaleMs: 30_000,
    retentionSeconds: 24 * 3600,
    onRefresh: collector.onRefresh,
    ...(onDigest && { onDigest }),
  });
  deps = { atlas, readModel, freshness: freshnessOf(env), stuck: stuckOf(env) };
  limits.of = createProjectLimits({ deps, readModel: () => readModel, log: logger() });
  const estate = createEstateSchedule({ deps, store, always: env.BACKWATCH_ESTATE_ALWAYS === "true" });
  const scheduler = createScheduler({
    store,
    readModel,
    resolve: (key) => resourceFor(deps, key),
    watchMs: env.BACKWATCH_WATCH_SECONDS * 1000,
    tickMs: 1_000,
    concurrency: env.BACKWATCH_REFRESH_CONCURRENCY,
    batch: Math.max(50, env.BACKWATCH_REFRESH_CONCURRENCY * 8),
    log: logger(),
    pinned: estate.pinned,
  });
  scheduler.start();
  const watchDeps: watches.WatchDeps = { backups: deps, store };
  // Keyed by an HMAC of the session's stable id: the store (Redis) never holds who watches what.
  const userKey = (id: string) => createHmac("sha256", env.NEXTAUTH_SECRET).update(`watches\0${id}`).digest("hex");
  return { deps, estate, watchDeps, userKey, storeKind: env.REDIS_URL ? "redis" : "memory", health, scheduler, redis };
}

// Next bundles pages and route handlers apart, each with its own copy of this module: a module-level
// singleton would give one process two stores, two budgets and two schedulers (a page's server render
// would fill one, the API routes would read the other cold). The process-wide registry is one.
const SERVICES = Symbol.for("backwatch.services");
type Services = ReturnType<typeof build>;

/** One client, store, budget and scheduler per process, built on first use. */
function composed(): Services {
  const registry = globalThis as typeof globalThis & { [SERVICES]?: Services };
  registry[SERVICES] ??= build();
  return registry[SERVICES];
}

/** The shared Redis client, for other limiters that must count across instances (sign-in). */
export function sharedRedis(): { client: Redis; prefix: string } | undefined {
  const s = composed();
  return s.redis ? { client: s.redis.client as Redis, prefix: serverEnv().BACKWATCH_REDIS_PREFIX } : undefined;
}

export function storeHealth(): { kind: string } & StoreHealth {
  const s = composed();
  return { kind: s.storeKind, ...s.health() };
}

/** Every series in the Prometheus text format, from the store and this process's counters; never from Atlas. */
export async function metricsText(): Promise<{ text: string; contentType: string }> {
  const s = composed();
  // A scrape is a look at the whole estate: Prometheus keeps every cluster on the schedule.
  await s.estate.touch();
  const { registry, estate } = metrics();
  estate.update(await readEstateFacts(s.deps));
  return { text: await registry.metrics(), contentType: registry.contentType };
}

export function listProjects(): Promise<ProjectList> {
  return backups.listProjects(composed().deps);
}

export function listClusters(groupId: string): Promise<ClusterList> {
  return backups.listClusters(composed().deps, groupId);
}

export function listJobs(kind: JobKind, groupId: string, clusterName: string, query: JobListQuery): Promise<JobList> {
  return backups.listJobs(composed().deps, kind, groupId, clusterName, query);
}

export function getJob(kind: JobKind, groupId: string, clusterName: string, jobId: string): Promise<JobDetail> {
  return backups.getJob(composed().deps, kind, groupId, clusterName, jobId);
}

export function listClusterEvents(groupId: string, clusterName: string, window: EventWindow): Promise<ClusterEvents> {
  return backups.listClusterEvents(composed().deps, groupId, clusterName, window);
}

export function listRestoredCollections(
  groupId: string,
  clusterName: string,
  jobId: string,
  query: CollectionListQuery,
): Promise<CollectionList> {
  return backups.listRestoredCollections(composed().deps, groupId, clusterName, jobId, query);
}

/** Operators only: read from Atlas when asked, because download URLs are short-lived and never stored. */
export function getJobDownloadLinks(
  kind: JobKind,
  groupId: string,
  clusterName: string,
  jobId: string,
): Promise<DownloadLinks> {
  return atlasDownloadLinks(composed().deps.atlas, kind, groupId, clusterName, jobId);
}

/** The whole estate's jobs that matter now, from the store; looking keeps the estate on the schedule. */
export async function readNow(query: NowQuery): Promise<NowResponse> {
  const s = composed();
  await s.estate.touch();
  return readEstateNow(s.deps, query);
}

export async function findJob(jobId: string): Promise<FindResponse> {
  const s = composed();
  await s.estate.touch();
  return findEstateJob(s.deps, jobId);
}

/** The signed-in user's watches with each job's state, from the store; their lists stay on the schedule. */
export function listWatches(userId: string): Promise<WatchList> {
  const s = composed();
  return watches.listWatches(s.watchDeps, s.userKey(userId));
}

export function addWatch(userId: string, target: WatchTarget): Promise<WatchList> {
  const s = composed();
  return watches.addWatch(s.watchDeps, s.userKey(userId), target);
}

export function removeWatch(userId: string, target: WatchTarget): Promise<WatchList> {
  const s = composed();
  return watches.removeWatch(s.watchDeps, s.userKey(userId), target);
}

export function markWatchNotified(userId: string, body: NotifiedBody): Promise<WatchList> {
  const s = composed();
  return watches.markNotified(s.watchDeps, s.userKey(userId), body);
}
