// Vitest only: one simulator for the calling test file, reset to a clean slate before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../index";
import { SimulatorClient, type Fixtures } from "./simulator-client";

export interface SimulatorPerFile {
  sim: RunningSimulator;
  ctl: SimulatorClient;
  fx: Fixtures;
}

/** Filled in by beforeAll, so read its fields inside tests and hooks, not at module load. */
export function simulatorPerFile(options: SimulatorOptions = {}): SimulatorPerFile {
  const upstream = {} as SimulatorPerFile;
  beforeAll(async () => {
    const sim = await startSimulator({ port: 0, control: true, quiet: true, ...options });
    const ctl = new SimulatorClient(sim.url);
    Object.assign(upstream, { sim, ctl, fx: await ctl.fixtures() });
  });
  afterAll(() => upstream.sim?.close());
  beforeEach(async () => {
    await upstream.ctl.clearFaults();
    await upstream.ctl.setConfig({ tenantSunset: false });
    await upstream.ctl.resetCounters();
  });
  return upstream;
}
