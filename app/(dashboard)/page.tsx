import type { Metadata } from "next";
import { requireSession } from "./_lib/require-session";
import { NowView } from "./page-client";

export const metadata: Metadata = { title: "Now" };

// `/`: every backup job that matters across the estate. The view lives in the URL (nuqs, parsed like
// GET /api/now's query), so a filtered Now is a link that survives sign-in.
export default async function NowPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSession("/", await searchParams);
  return <NowView />;
}
