import { fileURLToPath } from "node:url";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import zones, matched against the file an import resolves to (whatever its spelling: "@/lib/atlas",
// "../../lib/atlas/client"), so a relative path cannot slip past them. Paths are from the repo root.
const browser = [
  "components",
  "lib/jobs",
  "lib/query",
  "lib/view-state",
  "lib/api-client.ts",
  "app/**/*-client.tsx",
  "app/**/_components/**",
];

// Browser-reachable code must never import the server-only folders that hold Atlas credentials.
const browserZone = {
  target: browser,
  from: ["lib/atlas", "lib/server", "lib/simulator"],
  message: "Server-only module: browser code must not import it.",
};

// One-way layers: lib/server composes lib/atlas, never the other way round.
const atlasZone = {
  target: "lib/atlas",
  from: ["lib/server", "app"],
  message: "lib/atlas is the Atlas client only: it receives its config (lib/server/atlas-services.ts builds it).",
};

// Server-side app code talks to Atlas only through lib/atlas; the simulator is a test and demo upstream.
const simulatorZone = {
  target: ["app", "lib/atlas", "lib/server"],
  from: ["lib/simulator"],
  message: "App code must not import the simulator.",
};

const restrictPaths = (...zones) => ({
  "import/no-restricted-paths": ["error", { basePath: fileURLToPath(new URL(".", import.meta.url)), zones }],
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    rules: restrictPaths(browserZone, atlasZone, simulatorZone),
  },
  {
    // Tests may start the simulator as their upstream; the other zones still hold.
    files: ["**/*.test.{ts,tsx}"],
    rules: restrictPaths(browserZone, atlasZone),
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
