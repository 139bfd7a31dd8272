// `npx next start` is three processes deep (npx, next, next-server): signalling only npx leaves the
// server running. A child started here leads its own process group, and stopping it signals the
// whole group.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(command, args, { ...options, detached: true });
}

/** Stops a group leader and everything it started, and waits for the leader to exit. */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return; // the group is already gone
  }
  await exited;
}
