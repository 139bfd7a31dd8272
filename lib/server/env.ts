import "server-only";
import { z } from "zod";
import type { AtlasCredentials } from "@/lib/atlas/config";
import { DEFAULT_ATLAS_BASE_URL, DEMO_CREDENTIALS } from "@/lib/demo-defaults";

const OBJECT_ID = /^[a-f0-9]{24}$/;
const optional = z.string().trim().min(1).optional().catch(undefined);
const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    ATLAS_BASE_URL: z.string().url().default(DEFAULT_ATLAS_BASE_URL),
    ATLAS_UI_BASE_URL: z.string().url().default("https://cloud.mongodb.com"),
    ATLAS_CLIENT_ID: optional,
    ATLAS_CLIENT_SECRET: optional,
    ATLAS_PUBLIC_KEY: optional,
    ATLAS_PRIVATE_KEY: optional,
    ATLAS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    ATLAS_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    BACKWATCH_PROJECT_ALLOWLIST: csv.pipe(z.array(z.string().regex(OBJECT_ID, "each entry must be a 24-hex project id"))),
    BACKWATCH_USERS: z.string().optional(),
    NEXTAUTH_SECRET: optional,
    NEXTAUTH_URL: z.string().url().optional(),
    BACKWATCH_OIDC_ISSUER: z.string().url().optional(),
    BACKWATCH_OIDC_CLIENT_ID: optional,
    BACKWATCH_OIDC_CLIENT_SECRET: optional,
    BACKWATCH_OIDC_NAME: z.string().default("Single sign-on"),
    BACKWATCH_OIDC_ROLES_CLAIM: z.string().default("groups"),
    BACKWATCH_OIDC_OPERATOR_GROUPS: csv,
    BACKWATCH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const sa = Boolean(env.ATLAS_CLIENT_ID) || Boolean(env.ATLAS_CLIENT_SECRET);
    const keys = Boolean(env.ATLAS_PUBLIC_KEY) || Boolean(env.ATLAS_PRIVATE_KEY);
    if (sa && keys) ctx.addIssue({ code: "custom", path: ["ATLAS_CLIENT_ID"], message: "set a service account (ATLAS_CLIENT_ID/SECRET) or an API key (ATLAS_PUBLIC_KEY/PRIVATE_KEY), not both" });
    if (sa && !(env.ATLAS_CLIENT_ID && env.ATLAS_CLIENT_SECRET)) ctx.addIssue({ code: "custom", path: ["ATLAS_CLIENT_SECRET"], message: "ATLAS_CLIENT_ID and ATLAS_CLIENT_SECRET go together" });
    if (keys && !(env.ATLAS_PUBLIC_KEY && env.ATLAS_PRIVATE_KEY)) ctx.addIssue({ code: "custom", path: ["ATLAS_PRIVATE_KEY"], message: "ATLAS_PUBLIC_KEY and ATLAS_PRIVATE_KEY go together" });
    if (!sa && !keys && !isLoopback(env.ATLAS_BASE_URL)) ctx.addIssue({ code: "custom", path: ["ATLAS_CLIENT_ID"], message: "Atlas credentials are required when ATLAS_BASE_URL is not the local simulator" });
    if (env.BACKWATCH_OIDC_ISSUER && !(env.BACKWATCH_OIDC_CLIENT_ID && env.BACKWATCH_OIDC_CLIENT_SECRET)) ctx.addIssue({ code: "custom", path: ["BACKWATCH_OIDC_CLIENT_ID"], message: "BACKWATCH_OIDC_ISSUER needs BACKWATCH_OIDC_CLIENT_ID and BACKWATCH_OIDC_CLIENT_SECRET" });
  });

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

function parseEnv() {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Backwatch cannot start: invalid environment\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const atlasCredentials: AtlasCredentials =
    env.ATLAS_PUBLIC_KEY && env.ATLAS_PRIVATE_KEY
      ? { kind: "api-key", publicKey: env.ATLAS_PUBLIC_KEY, privateKey: env.ATLAS_PRIVATE_KEY }
      : {
          kind: "service-account",
          clientId: env.ATLAS_CLIENT_ID ?? DEMO_CREDENTIALS.clientId,
          clientSecret: env.ATLAS_CLIENT_SECRET ?? DEMO_CREDENTIALS.clientSecret,
        };
  return { ...env, atlasCredentials, atlasIsSimulator: isLoopback(env.ATLAS_BASE_URL) };
}

export type ServerEnv = ReturnType<typeof parseEnv>;

let cached: ServerEnv | undefined;

/** The validated server environment; the first call (at boot, from instrumentation.ts) fails fast on bad config. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv();
  return cached;
}
