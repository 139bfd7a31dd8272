import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { makeQueryClient } from "@/lib/query/query-client";
import { nowOptions } from "@/lib/query/now";
import { readNow } from "@/lib/server/atlas-services";
import { loadNowView, nowQueryFromView, nowScope } from "@/lib/view-state/now-parsers";
import { requireSession } from "./_lib/require-session";
import { NowView } from "./page-client";

export const metadata: Metadata = { title: "Now" };

/**
 * Past this many rows the picture is not put in the page: thousands of rows of JSON in the HTML cost
 * more than the browser's own request after hydration (the skeleton shows meanwhile).
 */
const PREFETCH_MAX_ROWS = 1500;

// `/`: every backup job that matters across the estate. The view lives in the URL (nuqs, parsed like
// GET /api/now's query), so a filtered Now is a link that survives sign-in.
export default async function NowPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const rawSearch = await searchParams;
  await requireSession("/", rawSearch);
  const scope = nowScope(nowQueryFromView(loadNowView(rawSearch)));
  const queryClient = makeQueryClient();
  // The store only, never Atlas: cheap. A failure is left to the client query, which shows it with retry.
  const options = nowOptions(scope);
  await queryClient.prefetchQuery({
    ...options,
    queryFn: () => readNow({ kind: [], status: [], section: [], group: "none", ...scope }),
  });
  if ((queryClient.getQueryData(options.queryKey)?.rows.length ?? 0) > PREFETCH_MAX_ROWS)
    queryClient.removeQueries({ queryKey: options.queryKey });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <NowView />
    </HydrationBoundary>
  );
}
