// A webhook receiver for the tests: a real HTTP server on loopback that records every request and
// answers what the test scripts (a status per request, or a hold until released). Plain Node, no
// server-only: Vitest and the Playwright specs share it. It checks signatures its own way (not with
// lib/webhooks/sign.ts), so a test of the signer is not the signer checking itself.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  json: unknown;
  at: number;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Statuses for the next requests, in order; after them, 200. */
  answer(...statuses: number[]): void;
  /** A status for the requests `pick` chooses (checked before the scripted ones); undefined passes. */
  answerWhen(pick: (r: Received) => number | undefined): void;
  /** Hold every answer until `release()` (a slow receiver). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const script: number[] = [];
  let picker: ((r: Received) => number | undefined) | undefined;
  let held: Array<() => void> | null = null;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const r: Received = { path: req.url ?? "/", headers: req.headers, body, json, at: Date.now() };
      received.push(r);
      const status = picker?.(r) ?? script.shift() ?? 200;
      const send = () => res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
      if (held) held.push(send);
      else send();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    received,
    answer: (...statuses) => void script.push(...statuses),
    answerWhen: (pick) => void (picker = pick),
    hold: () => void (held ??= []),
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const send of held ?? []) send();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `X-Backwatch-Signature: t=...,v1=...` checked as a receiver would: HMAC-SHA256 over `${t}.${body}`. */
export function signedBy(secret: string, r: Pick<Received, "headers" | "body">): boolean {
  const header = String(r.headers["x-backwatch-signature"] ?? "");
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const expected = createHmac("sha256", secret).update(`${m[1]}.${r.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, "hex"));
}
