import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        No such project, cluster or job is visible to Backwatch. It may have been deleted, or the link may be mistyped.
      </p>
      <Link href="/projects" className={`${buttonClass("primary")} mt-4`}>
        All projects
      </Link>
    </main>
  );
}
