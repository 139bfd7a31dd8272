import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The import zones of eslint.config.mjs match the file an import resolves to, so a relative path is
// caught like an alias. Each case lints a one-line module as if it sat at `file` (nothing is written).

const eslint = new ESLint({ cwd: process.cwd() });

async function zoneErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = 1;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("import zones", () => {
  it.each([
    ["components/jobs/x.tsx", 'import "../../lib/atlas/operations";', /browser code/],
    ["lib/query/x.ts", 'import "@/lib/server/env";', /browser code/],
    ["app/(dashboard)/projects/_components/x.tsx", 'import "../../../../lib/simulator";', /browser code/],
    ["lib/atlas/x.ts", 'import "../server/env";', /lib\/atlas is the Atlas client only/],
    ["app/api/health/x.ts", 'import "../../../lib/simulator/index";', /must not import the simulator/],
    ["lib/server/x.ts", 'import "@/lib/simulator";', /must not import the simulator/],
  ])("%s may not `%s`", async (file, source, message) => {
    expect(await zoneErrors(file, source)).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    ["lib/server/x.ts", 'import "../atlas/operations";'],
    ["lib/server/x.test.ts", 'import "../simulator";'],
    ["components/jobs/x.tsx", 'import "../../lib/jobs/dto";'],
  ])("%s may `%s`", async (file, source) => {
    expect(await zoneErrors(file, source)).toEqual([]);
  });
});
