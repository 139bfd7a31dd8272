// `npm run bench`: every performance figure, each as a ratio to a baseline measured in this same run.
import { benchProxy } from "./proxy-bench";
import { benchSimulator } from "./simulator-bench";
import { startStack } from "./stack";
import { benchUi } from "./ui-bench";
import type { BenchFigure } from "./stats";

function print(section: string, figures: BenchFigure[]): void {
  console.log(`\n## ${section}`);
  console.log("| figure | value | baseline | ratio | baseline is |");
  console.log("|---|---:|---:|---:|---|");
  for (const f of figures) {
    console.log(`| ${f.name} | ${f.value.toFixed(2)} ${f.unit} | ${f.baseline.toFixed(2)} ${f.unit} | ${f.ratio.toFixed(2)}x | ${f.note} |`);
  }
}

async function main() {
  print("Atlas simulator", await benchSimulator());
  const stack = await startStack({ control: true, rateLimit: { backupCapacity: 1_000_000, backupRefillPerMinute: 1_000_000 } });
  try {
    print("Proxy latency", await benchProxy(stack));
    const ui = await benchUi(stack);
    print("Browser", ui.figures);
    console.log("\nLargest first-load chunks (gzipped):");
    for (const line of ui.notes) console.log(`- ${line}`);
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
