import Link from "next/link";
import { focusRing } from "@/components/ui/button";
import type { Deprecation } from "@/lib/jobs/dto";

/** Tenant restores are going away upstream: say what replaces them, when, and where to look instead. */
export function DeprecationNotice({
  deprecation,
  flexHref,
}: {
  deprecation: Deprecation | undefined;
  flexHref: string | null;
}) {
  const retired = deprecation?.retired ?? false;
  return (
    <section
      aria-label="Deprecation notice"
      className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 className="font-semibold">{retired ? "Tenant restores are retired" : "Tenant restores are deprecated"}</h2>
      <p className="mt-1">
        Atlas replaces shared-tier (M2/M5) tenant restores with Flex restore jobs. The tenant restore endpoints
        {retired ? " were retired on " : " are sunset on "}
        <time dateTime="2026-01-22">22 January 2026</time>.
      </p>
      {flexHref ? (
        <p className="mt-1">
          <Link href={flexHref} className={`rounded font-medium underline ${focusRing}`}>
            View Flex restore jobs of this cluster
          </Link>
        </p>
      ) : (
        <p className="mt-1">This cluster has no Flex successor yet.</p>
      )}
    </section>
  );
}
