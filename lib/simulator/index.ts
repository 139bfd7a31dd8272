// Programmatic entry (contract: lib/simulator/README.md). Plain Node: no server-only, no app code.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolveOptions, type RunningSimulator, type SimulatorOptions } from "./options";
import { createRequestHandler } from "./server";
import { createState } from "./state";

export type { RunningSimulator, SimulatorOptions } from "./options";

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const state = createState(resolved);
  const handler = createRequestHandler(state);
  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  state.baseUrl = `http://${host}:${port}`;
  return {
    url: state.baseUrl,
    port,
    credentials: { ...resolved.credentials },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
