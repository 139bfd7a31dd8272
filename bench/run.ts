// `npm run bench`: every performance figure, each as a ratio to a baseline measured in this same run.
import { benchNow } from "./now-bench";
import { benchProxy } from "./proxy-bench";
import { benchStore } from "./read-model-bench";
import { benchSimulator } from "./simulator-bench";
import { startStack } from "./stack";
import { benchUi } from "./ui-bench";
import type { BenchFigure } from "./stats";

function print(section: string, figures: BenchFigure[]): void {
  console.log(`\n## ${section}`);
  console.log("| figure | value | baseline | ratio | baseline is |");
  console.log("|---|---:|---:|---:|---|");
  for (const f of figures) {
    console.log(
      `| ${f.name} | ${f.value.toFixed(2)} ${f.unit} | ${f.baseline.toFixed(2)} ${f.unit} | ${f.ratio.toFixed(2)}x | ${f.note} |`,
    );
  }
}

const SECTIONS = ["simulator", "proxy", "ui", "store", "now"] as const;
type Section = (typeof SECTIONS)[number];

/** `npm run bench` runs every section; `npm run bench -- ui proxy` runs only those named. */
function sections(args: string[]): Set<Section> {
  const unknown = args.filter((a) => !(SECTIONS as readonly string[]).includes(a));
  if (unknown.length > 0)
    throw new Error(`unknown bench section ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}`);
  return new Set(args.length > 0 ? (args as Section[]) : SECTIONS);
}

async function stackSections(run: Set<Section>) {
  const stack = await startStack({
    control: true,
    rateLimit: { backupCapacity: 1_000_000, backupRefillPerMinute: 1_000_000 },
  });
  try {
    if (run.has("proxy")) print("Proxy latency", await benchProxy(stack));
    if (!run.has("ui")) return;
    const ui = await benchUi(stack);
    print("Browser", ui.figures);
    console.log("\nLargest first-load chunks (gzipped):");
    for (const line of ui.notes) console.log(`- ${line}`);
  } finally {
    await stack.close();
  }
}

async function main() {
  const run = sections(process.argv.slice(2));
  if (run.has("simulator")) print("Atlas simulator", await benchSimulator());
  if (run.has("proxy") || run.has("ui")) await stackSections(run);
  // The store section starts its own simulators, instances and Redis.
  if (run.has("store")) for (const table of await benchStore()) print(table.title, table.figures);
  // So does the Now section: scale 10, injected latency, one unreadable project.
  if (run.has("now")) for (const table of await benchNow()) print(table.title, table.figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
