import "server-only";
import { EventEmitter } from "node:events";
import type { RedisClient } from "@/lib/store/redis-client";

/**
 * What a wrapper needs to know about Redis, in three states rather than ioredis's seven: "connecting"
 * only until the first connection succeeds or fails, then "ready" or "down" (ioredis keeps
 * reconnecting in the background while down, and "ready" is announced when it is back).
 */
export type ConnectionStatus = "ready" | "connecting" | "down";
export type ConnectionEvent = "ready" | "down";
export type ConnectionListener = (reason: string | null) => void;

export type Connection = {
  status(): ConnectionStatus;
  /** Why Redis is down (the latest connection error), or null when it is not. */
  reason(): string | null;
  /** Calls `fn` on every change to ready or down; returns the unsubscribe. */
  on(event: ConnectionEvent, fn: ConnectionListener): () => void;
  /** Resolves when ready; rejects when down, or after `timeoutMs` still connecting. */
  ready(timeoutMs: number): Promise<void>;
  /** Stops listening to the client (before it is closed on purpose, so no "down" is announced). */
  stop(): void;
};

export function watchConnection(client: RedisClient): Connection {
  const events = new EventEmitter();
  let state: ConnectionStatus = client.status === "ready" ? "ready" : "connecting";
  let reason: string | null = null;
  let lastError: string | null = null;

  const onReady = () => {
    if (state === "ready") return;
    state = "ready";
    reason = lastError = null;
    events.emit("ready", null);
  };
  const onError = (error: Error) => {
    lastError = error.message;
    if (state === "down") reason = error.message;
  };
  const onClose = () => {
    if (state === "down") return;
    state = "down";
    reason = lastError ?? "the connection to Redis closed";
    events.emit("down", reason);
  };
  client.on("ready", onReady);
  client.on("error", onError);
  client.on("close", onClose);
  client.on("end", onClose);
  // A lazyConnect client waits for its first command, which would wait for "ready": connect now.
  if (client.status === "wait") client.connect().catch(() => undefined);

  const on = (event: ConnectionEvent, fn: ConnectionListener) => {
    events.on(event, fn);
    return () => void events.off(event, fn);
  };

  return {
    status: () => state,
    reason: () => reason,
    on,
    ready(timeoutMs) {
      if (state === "ready") return Promise.resolve();
      if (state === "down") return Promise.reject(new Error(`Redis is down: ${reason}`));
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          offReady();
          offDown();
        };
        const settle = (error?: Error) => {
          done();
          if (error) reject(error);
          else resolve();
        };
        const timer = setTimeout(() => settle(new Error(`Redis not ready after ${timeoutMs} ms`)), timeoutMs);
        const offReady = on("ready", () => settle());
        const offDown = on("down", (why) => settle(new Error(`Redis is down: ${why}`)));
      });
    },
    stop() {
      client.off("ready", onReady);
      client.off("error", onError);
      client.off("close", onClose);
      client.off("end", onClose);
      events.removeAllListeners();
    },
  };
}
