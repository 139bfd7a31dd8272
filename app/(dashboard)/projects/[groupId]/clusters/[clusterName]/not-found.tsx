import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function ClusterNotFound() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Cluster or job not found</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        Atlas has no such cluster in this project, or the job in the link does not belong to it.
      </p>
      <Link href="/projects" className={`${buttonClass("primary")} mt-4`}>
        All projects
      </Link>
    </div>
  );
}
