// Credentials of the local Atlas simulator's demo mode. They open nothing but the simulator:
// the dashboard falls back to them only when ATLAS_BASE_URL points at a loopback address.
export const DEMO_CREDENTIALS = {
  clientId: "mdb_sa_id_0000000000000000000000de",
  clientSecret: "mdb_sa_sk_simulator-demo-only",
  publicKey: "demopubk",
  privateKey: "00000000-0000-4000-8000-0000000000de",
} as const;

export const DEFAULT_SIMULATOR_PORT = 4010;
export const DEFAULT_ATLAS_BASE_URL = `http://127.0.0.1:${DEFAULT_SIMULATOR_PORT}`;
