import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Browser-reachable code must never import the server-only folders that hold Atlas credentials.
const serverOnlyZones = ["@/lib/atlas", "@/lib/atlas/*", "@/lib/server", "@/lib/server/*"];

const simulatorZone = ["@/lib/simulator", "@/lib/simulator/*", "**/simulator/**"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Server-side app code talks to Atlas only through lib/atlas; the simulator is a test and demo upstream.
    files: ["app/**/*.{ts,tsx}", "lib/atlas/**/*.ts", "lib/server/**/*.ts"],
    // Tests may start the simulator as their upstream.
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: simulatorZone, message: "App code must not import the simulator." }] }],
    },
  },
  {
    // Declared last so it wins for files matched by both blocks.
    files: ["components/**/*.{ts,tsx}", "lib/jobs/**/*.{ts,tsx}", "lib/query/**/*.{ts,tsx}", "lib/api-client.ts", "app/**/*-client.tsx", "app/**/_components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: [...serverOnlyZones, ...simulatorZone], message: "Server-only module: browser code must not import it." }] }],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "playwright-report/**", "test-results/**"]),
]);
