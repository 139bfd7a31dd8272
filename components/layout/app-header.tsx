import Link from "next/link";
import { focusRing } from "@/components/ui/button";
import { ThemeSelect } from "@/components/theme/theme-select";
import type { Theme } from "@/components/theme/theme";
import type { Viewer } from "@/components/session/role-context";

export function AppHeader({ viewer, theme }: { viewer: Viewer; theme: Theme }) {
  return (
    <header className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-2">
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/" className={`rounded text-lg font-semibold ${focusRing}`}>
            Backwatch
          </Link>
          <nav aria-label="Main" className="flex gap-3 text-sm">
            <Link href="/" className={`rounded underline-offset-2 hover:underline ${focusRing}`}>
              Now
            </Link>
            <Link href="/projects" className={`rounded underline-offset-2 hover:underline ${focusRing}`}>
              Projects
            </Link>
          </nav>
        </div>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <ThemeSelect initial={theme} />
          <span className="text-zinc-700 dark:text-zinc-300">
            {viewer.name} <span className="text-zinc-600 dark:text-zinc-400">({viewer.role})</span>
          </span>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next-auth's sign-out is an API route: a full navigation is intended. */}
          <a href="/api/auth/signout" className={`rounded underline ${focusRing}`}>
            Sign out
          </a>
        </div>
      </div>
    </header>
  );
}
