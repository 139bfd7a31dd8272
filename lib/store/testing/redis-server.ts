// A real, throwaway redis-server for the store tests: loopback only, nothing saved to disk, its own
// temp dir, on a free port. Redis cannot be told `--port 0`, so the port comes from the kernel first.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type RedisServer = {
  url: string;
  port: number;
  /** Stops it for good (SIGTERM) and removes its temp dir. */
  stop(): Promise<void>;
  /** SIGKILL, as an outage: no goodbye to clients. `restart()` brings it back. */
  kill(): Promise<void>;
  /** Starts it again on the same port (stopping it first if it runs). */
  restart(): Promise<void>;
};

const BINARY = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";
const MISSING = `redis-server not found at ${BINARY}. The store tests run a real Redis: install Debian's package with
  sudo apt-get install -y redis-server   (or: bash scripts/ensure-redis.sh)
or point REDIS_SERVER at a redis-server binary (Redis >= 6.2).`;

export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(BINARY)) throw new Error(MISSING);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "backwatch-redis-"));
  let child: ChildProcess | undefined = await launch(port, dir);

  const signal = async (sig: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill(sig);
    await exited;
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => signal("SIGKILL"),
    async restart() {
      await signal("SIGTERM");
      child = await launch(port, dir);
    },
    async stop() {
      await signal("SIGTERM");
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
    "--daemonize",
    "no",
  ];
  const { child, output } = spawnServer(BINARY, args);

  const deadline = Date.now() + 10_000;
  while (!(await pings(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return child;
}

/** A port nothing listens on right now (the kernel picks it; there is a small race, as always). */
/** A test server process: its last output kept for error messages, and killed if the test run dies first. */
export function spawnServer(binary: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  child.once("exit", () => process.off("exit", reap));
  return { child, output: () => output };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
