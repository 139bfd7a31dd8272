import "server-only";
import pino from "pino";
import { serverEnv } from "@/lib/server/env";

// Belt and braces: nothing we log should hold a secret, but if a header bag or an env object slips
// into a log call these paths are censored rather than written out.
const REDACT = [
  "authorization",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.secret",
  "*.clientSecret",
  "*.privateKey",
  "*.accessToken",
  "*.access_token",
  "*.id_token",
  "*.token",
  "ATLAS_CLIENT_SECRET",
  "ATLAS_PRIVATE_KEY",
  "NEXTAUTH_SECRET",
  "BACKWATCH_USERS",
  "BACKWATCH_OIDC_CLIENT_SECRET",
  "BACKWATCH_METRICS_TOKEN",
  "BACKWATCH_WEBHOOK_SECRET",
  "BACKWATCH_WEBHOOK_URLS",
];

let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= pino({
    name: "backwatch",
    level: serverEnv().BACKWATCH_LOG_LEVEL,
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    base: undefined,
  });
  return instance;
}
