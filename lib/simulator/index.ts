// Programmatic entry (contract: lib/simulator/README.md). Plain Node: no server-only, no app code.
import { createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { resolveOptions, type RunningSimulator, type SimulatorOptions } from "./options";
import { createRequestHandler } from "./server";
import { createState } from "./state";
import { makeSelfSigned, readTlsFiles, type TlsFiles } from "./tls";

export type { RunningSimulator, SimulatorOptions } from "./options";

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const state = createState(resolved);
  const handler = createRequestHandler(state);
  const tls: TlsFiles | undefined =
    resolved.tls === true
      ? await makeSelfSigned(resolved.host)
      : resolved.tls
        ? readTlsFiles(resolved.tls.certPath, resolved.tls.keyPath)
        : undefined;
  const listener = (req: Parameters<typeof handler>[0], res: Parameters<typeof handler>[1]) => void handler(req, res);
  const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener) : createServer(listener);
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
  state.baseUrl = `${tls ? "https" : "http"}://${host}:${port}`;
  return {
    url: state.baseUrl,
    port,
    credentials: { ...resolved.credentials },
    ...(tls ? { tls: { cert: tls.cert, certPath: tls.certPath } } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
