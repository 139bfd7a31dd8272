import "server-only";
import pLimit from "p-limit";
import pRetry, { AbortError } from "p-retry";
import { bodyFor, type WebhookPayload } from "./bodies";
import type { WebhookTarget } from "./config";
import { SIGNATURE_HEADER, signature } from "./sign";

export const DELIVERY_OUTCOMES = ["delivered", "failed", "dropped"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export interface SenderConfig {
  targets: readonly WebhookTarget[];
  secret: string;
  /** One attempt's deadline: a slow receiver costs a slot for this long, never a refresh. */
  timeoutMs: number;
  /** Attempts after the first, on a network error, a timeout, a 5xx or a 429. */
  retries: number;
  /** The first retry's wait; each next one doubles (with jitter), up to `maxBackoffMs`. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Deliveries queued or in flight per receiver; past it a new one is dropped (and counted), so memory stays bounded. */
  queueLimit: number;
  /** Deliveries in flight at once per receiver. */
  concurrency: number;
  now?: () => number;
  log: { warn(obj: object, msg: string): void; debug(obj: object, msg: string): void };
  /** For metrics: `receiver` is the target's position in BACKWATCH_WEBHOOK_URLS (1-based). */
  onDelivery?(info: {
    receiver: string;
    host: string;
    outcome: DeliveryOutcome;
    attempts: number;
    latencyMs: number;
  }): void;
  onQueue?(info: { receiver: string; host: string; size: number }): void;
}

/** A retryable failure of one attempt, with what the logs may say of it (never the URL). */
class AttemptError extends Error {}

/**
 * Delivers payloads to every receiver, each on its own queue: a receiver that is down, slow or
 * answers 500 fills its own queue and retries with backoff, while the others (and the collector,
 * which only enqueues) carry on. Every attempt is signed afresh, so its timestamp is its own.
 */
export function createSender(config: SenderConfig) {
  const now = config.now ?? Date.now;
  const queues = config.targets.map((target, i) => ({
    target,
    receiver: String(i + 1),
    limit: pLimit(config.concurrency),
    size: 0,
  }));

  async function attempt(target: WebhookTarget, body: string, id: string, type: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Backwatch-Webhooks/1",
          [SIGNATURE_HEADER]: signature(config.secret, body),
          "x-backwatch-delivery": id,
          "x-backwatch-event": type,
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new AttemptError(timedOut ? `no answer within ${config.timeoutMs} ms` : "connection failed");
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.ok) return;
    if (res.status >= 500 || res.status === 429) throw new AttemptError(`answered ${res.status}`);
    // A 4xx (a revoked Slack URL answers 404 or 410) will not get better by asking again.
    throw new AbortError(`answered ${res.status}`);
  }

  async function deliver(q: (typeof queues)[number], payload: WebhookPayload, detectedAt: number): Promise<void> {
    const { target, receiver } = q;
    const body = bodyFor(target.format, payload);
    let attempts = 0;
    const report = (outcome: DeliveryOutcome) =>
      config.onDelivery?.({ receiver, host: target.host, outcome, attempts, latencyMs: now() - detectedAt });
    try {
      await pRetry(
        () => {
          attempts += 1;
          return attempt(target, body, payload.id, payload.type);
        },
        {
          retries: config.retries,
          factor: 2,
          minTimeout: config.minBackoffMs,
          maxTimeout: config.maxBackoffMs,
          randomize: true,
        },
      );
      report("delivered");
      config.log.debug({ receiver, host: target.host, id: payload.id, attempts }, "webhook delivered");
    } catch (error) {
      report("failed");
      const reason = error instanceof Error ? error.message : "failed";
      config.log.warn({ receiver, host: target.host, id: payload.id, attempts, reason }, "webhook not delivered");
    } finally {
      q.size -= 1;
      config.onQueue?.({ receiver, host: target.host, size: q.size });
    }
  }

  return {
    /** Queues one payload for every receiver and returns at once; `detectedAt` is when the change was seen. */
    send(payload: WebhookPayload, detectedAt: number = now()): void {
      for (const q of queues) {
        if (q.size >= config.queueLimit) {
          config.onDelivery?.({
            receiver: q.receiver,
            host: q.target.host,
            outcome: "dropped",
            attempts: 0,
            latencyMs: 0,
          });
          config.log.warn({ receiver: q.receiver, host: q.target.host, id: payload.id }, "webhook queue full: dropped");
          continue;
        }
        q.size += 1;
        void q.limit(() => deliver(q, payload, detectedAt));
        config.onQueue?.({ receiver: q.receiver, host: q.target.host, size: q.size });
      }
    },
    /** Resolves once nothing is queued or in flight (tests, and a graceful stop). */
    async idle(): Promise<void> {
      while (queues.some((q) => q.size > 0)) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
