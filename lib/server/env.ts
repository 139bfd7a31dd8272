import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { AtlasCredentials } from "@/lib/atlas/config";
import { DEFAULT_ATLAS_BASE_URL, DEMO_CREDENTIALS } from "@/lib/demo-defaults";
import { isLoopbackUrl } from "@/lib/server/loopback";
import { WebhookEventsSchema, WebhookUrlsSchema } from "@/lib/webhooks/config";

const OBJECT_ID = /^[a-f0-9]{24}$/;
const optional = z.string().trim().min(1).optional().catch(undefined);
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    ATLAS_BASE_URL: z.url().optional(),
    ATLAS_UI_BASE_URL: z.string().url().default("https://cloud.mongodb.com"),
    ATLAS_CLIENT_ID: optional,
    ATLAS_CLIENT_SECRET: optional,
    ATLAS_PUBLIC_KEY: optional,
    ATLAS_PRIVATE_KEY: optional,
    ATLAS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    ATLAS_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    BACKWATCH_PROJECT_ALLOWLIST: csv.pipe(
      z.array(z.string().regex(OBJECT_ID, "each entry must be a 24-hex project id")),
    ),
    BACKWATCH_USERS: z.string().optional(),
    NEXTAUTH_SECRET: optional.refine((v) => v === undefined || Buffer.byteLength(v) >= 32, {
      message: "must be at least 32 bytes (e.g. `openssl rand -base64 32`)",
    }),
    NEXTAUTH_URL: z.url().optional(),
    BACKWATCH_SESSION_MAX_HOURS: z.coerce
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(12),
    BACKWATCH_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    BACKWATCH_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
    BACKWATCH_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    BACKWATCH_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
    BACKWATCH_OIDC_ISSUER: z.string().url().optional(),
    BACKWATCH_OIDC_CLIENT_ID: optional,
    BACKWATCH_OIDC_CLIENT_SECRET: optional,
    BACKWATCH_OIDC_NAME: z.string().default("Single sign-on"),
    BACKWATCH_OIDC_ROLES_CLAIM: z.string().default("groups"),
    BACKWATCH_OIDC_OPERATOR_GROUPS: csv,
    REDIS_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
    ),
    BACKWATCH_REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_{}-]{1,64}$/, "letters, digits and :_{}- only")
      .default("{backwatch}"),
    BACKWATCH_FRESH_BUSY_SECONDS: z.coerce.number().min(1).max(3600).default(10),
    BACKWATCH_FRESH_IDLE_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
    BACKWATCH_FRESH_CATALOG_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
    BACKWATCH_WATCH_SECONDS: z.coerce.number().min(10).max(86_400).default(300),
    BACKWATCH_BUDGET_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
    BACKWATCH_BUDGET_CAPACITY: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    BACKWATCH_BUDGET_REFILL_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(500),
    /** Size each project's budget from Atlas's own GET /rateLimits (an override shows there); "false" keeps the figures above. */
    BACKWATCH_BUDGET_FROM_ATLAS: z.enum(["true", "false"]).default("true"),
    // Off (the route answers 404) when unset; too short to resist guessing stops start-up instead.
    BACKWATCH_METRICS_TOKEN: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 32`)").optional(),
    ),
    /** Atlas reads the collector makes at once (per instance); the per-project budget bounds their number. */
    BACKWATCH_REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    /** Keep every cluster fresh even when nobody has looked at Now lately (for alerting). */
    BACKWATCH_ESTATE_ALWAYS: z.enum(["true", "false"]).default("false"),
    BACKWATCH_STUCK_NO_PROGRESS_MINUTES: z.coerce.number().gt(0).max(10_080).default(30),
    BACKWATCH_STUCK_FACTOR: z.coerce.number().min(1).max(100).default(2),
    BACKWATCH_STUCK_FLOOR_MINUTES: z.coerce.number().gt(0).max(10_080).default(30),
    BACKWATCH_STUCK_FALLBACK_MINUTES: z.coerce.number().gt(0).max(10_080).default(60),
    BACKWATCH_STUCK_RESTORE_FALLBACK_MINUTES: z.coerce.number().gt(0).max(10_080).default(180),
    /** Outgoing webhooks (lib/webhooks): `[slack=|teams=|generic=]url`, comma-separated. */
    BACKWATCH_WEBHOOK_URLS: WebhookUrlsSchema,
    BACKWATCH_WEBHOOK_SECRET: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 32`)").optional(),
    ),
    BACKWATCH_WEBHOOK_EVENTS: WebhookEventsSchema,
    BACKWATCH_WEBHOOK_STALE_MINUTES: z.coerce.number().gt(0).max(10_080).default(30),
    BACKWATCH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const sa = Boolean(env.ATLAS_CLIENT_ID) || Boolean(env.ATLAS_CLIENT_SECRET);
    const keys = Boolean(env.ATLAS_PUBLIC_KEY) || Boolean(env.ATLAS_PRIVATE_KEY);
    if (sa && keys)
      ctx.addIssue({
        code: "custom",
        path: ["ATLAS_CLIENT_ID"],
        message:
          "set a service account (ATLAS_CLIENT_ID/SECRET) or an API key (ATLAS_PUBLIC_KEY/PRIVATE_KEY), not both",
      });
    if (sa && !(env.ATLAS_CLIENT_ID && env.ATLAS_CLIENT_SECRET))
      ctx.addIssue({
        code: "custom",
        path: ["ATLAS_CLIENT_SECRET"],
        message: "ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET go together",
      });
    if (keys && !(env.ATLAS_PUBLIC_KEY && env.ATLAS_PRIVATE_KEY))
      ctx.addIssue({
        code: "custom",
        path: ["ATLAS_PRIVATE_KEY"],
        message: "ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY go together",
      });
    const atlasUrl = env.ATLAS_BASE_URL ?? DEFAULT_ATLAS_BASE_URL;
    const production = env.NODE_ENV === "production";
    if (production && !env.ATLAS_BASE_URL)
      ctx.addIssue({
        code: "custom",
        path: ["ATLAS_BASE_URL"],
        message: "required in production: https://cloud.mongodb.com for Atlas, or the simulator's URL",
      });
    if (new URL(atlasUrl).protocol !== "https:" && !isLoopbackUrl(atlasUrl))
      ctx.addIssue({
        code: "custom",
        path: ["ATLAS_BASE_URL"],
        message: "must be https:// unless it is a loopback address (credentials would cross the network in clear)",
      });
    if (production && !env.NEXTAUTH_URL)
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "required in production: the dashboard's public URL, e.g. https://backwatch.example.com",
      });
    if (
      env.NEXTAUTH_URL &&
      production &&
      new URL(env.NEXTAUTH_URL).protocol !== "https:" &&
      !isLoopbackUrl(env.NEXTAUTH_URL)
    )
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message:
          "must be https:// in production unless it is a loopback address (session cookies would cross the network in clear)",
      });
    if (env.REDIS_URL && !env.NEXTAUTH_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "required with REDIS_URL: instances sharing a store must share the secret that seals what they store",
      });
    if (production && !env.NEXTAUTH_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "required in production (e.g. `openssl rand -base64 32`)",
      });
    if (!sa && !keys && !isLoopbackUrl(atlasUrl))
      ctx.addIssue({
        code: "custom",
        path: ["ATLAS_CLIENT_ID"],
        message: "Atlas credentials are required when ATLAS_BASE_URL is not the local simulator",
      });
    if (env.BACKWATCH_WEBHOOK_URLS.length > 0 && !env.BACKWATCH_WEBHOOK_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["BACKWATCH_WEBHOOK_SECRET"],
        message: "required with BACKWATCH_WEBHOOK_URLS: every delivery is signed with it",
      });
    if (env.BACKWATCH_OIDC_ISSUER && !(env.BACKWATCH_OIDC_CLIENT_ID && env.BACKWATCH_OIDC_CLIENT_SECRET))
      ctx.addIssue({
        code: "custom",
        path: ["BACKWATCH_OIDC_CLIENT_ID"],
        message: "BACKWATCH_OIDC_ISSUER needs BACKWATCH_OIDC_CLIENT_ID and BACKWATCH_OIDC_CLIENT_SECRET",
      });
  });

function parseEnv() {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Backwatch cannot start: invalid environment\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const atlasBaseUrl = env.ATLAS_BASE_URL ?? DEFAULT_ATLAS_BASE_URL;
  const atlasCredentials: AtlasCredentials =
    env.ATLAS_PUBLIC_KEY && env.ATLAS_PRIVATE_KEY
      ? { kind: "api-key", publicKey: env.ATLAS_PUBLIC_KEY, privateKey: env.ATLAS_PRIVATE_KEY }
      : {
          kind: "service-account",
          clientId: env.ATLAS_CLIENT_ID ?? DEMO_CREDENTIALS.clientId,
          clientSecret: env.ATLAS_CLIENT_SECRET ?? DEMO_CREDENTIALS.clientSecret,
        };
  return {
    ...env,
    ...sessionSecret(env.NEXTAUTH_SECRET),
    ATLAS_BASE_URL: atlasBaseUrl,
    atlasCredentials,
    atlasIsSimulator: isLoopbackUrl(atlasBaseUrl),
    sessionMaxAgeSeconds: Math.round(env.BACKWATCH_SESSION_MAX_HOURS * 3600),
    /** HSTS only when the public URL is https: sent over plain http it would be ignored, and misleading. */
    httpsOnly: env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).protocol === "https:" : false,
  };
}

/**
 * Outside production a missing NEXTAUTH_SECRET is replaced by a random one made for this process
 * (never next-auth's own fallback, derived from public configuration, which lets anyone forge a
 * session). It is written back to process.env so every bundle of this process (proxy, pages, route
 * handlers) signs and checks with the same one; sessions end when the process does.
 */
function sessionSecret(configured: string | undefined): {
  NEXTAUTH_SECRET: string;
  nextAuthSecretSource: "configured" | "generated";
} {
  if (configured)
    return {
      NEXTAUTH_SECRET: configured,
      nextAuthSecretSource: process.env.BACKWATCH_GENERATED_SECRET === "1" ? "generated" : "configured",
    };
  const secret = randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_SECRET = secret;
  process.env.BACKWATCH_GENERATED_SECRET = "1";
  return { NEXTAUTH_SECRET: secret, nextAuthSecretSource: "generated" };
}

export type ServerEnv = ReturnType<typeof parseEnv>;

let cached: ServerEnv | undefined;

/** The validated server environment; the first call (at boot, from instrumentation.ts) fails fast on bad config. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv();
  return cached;
}
