import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function ProjectNotFound() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Project not found</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">No such project is visible to Backwatch.</p>
      <Link href="/projects" className={`${buttonClass("primary")} mt-4`}>
        All projects
      </Link>
    </div>
  );
}
