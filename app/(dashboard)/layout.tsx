import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { THEME_COOKIE, parseTheme } from "@/components/theme/theme";
import { getSession } from "@/lib/server/auth/session";
import { Providers } from "./_components/providers";
import { SignInRedirect } from "./_components/sign-in-redirect";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) return <SignInRedirect />;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const viewer = { name: session.user.name, role: session.user.role };
  return (
    <Providers viewer={viewer}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <AppHeader viewer={viewer} theme={theme} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </Providers>
  );
}
