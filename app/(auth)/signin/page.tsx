import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/server/auth/callback-url";
import { oidcConfigured } from "@/lib/server/auth/options";
import { getSession } from "@/lib/server/auth/session";
import { signInErrorMessage } from "@/lib/signin/messages";
import { SignInForm } from "./_components/signin-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSession()) redirect(callbackUrl);
  // next-auth sends its error codes here (pages.error).
  const error = signInErrorMessage(typeof params.error === "string" ? params.error : undefined);

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4 dark:bg-zinc-950">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-xl font-semibold">Sign in to Backwatch</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Atlas cloud-backup jobs at a glance.</p>
        <SignInForm callbackUrl={callbackUrl} sso={oidcConfigured()} initialError={error} />
      </div>
    </main>
  );
}
