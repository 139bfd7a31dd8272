"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "@/lib/signin/messages";

type Props = { callbackUrl: string; sso: { name: string } | null; initialError: string | null };

const input =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 dark:border-zinc-700 dark:bg-zinc-950";
const button =
  "w-full rounded-md px-4 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60 dark:focus-visible:ring-offset-zinc-900";

export function SignInForm({ callbackUrl, sso, initialError }: Props) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl,
    });
    if (result?.ok && !result.error) {
      // next-auth's answer, cleaned by our redirect callback; a full navigation, so server components
      // render with the new session cookie. Anything not on this origin goes home instead.
      const target = new URL(result.url ?? "/", window.location.href);
      window.location.assign(target.origin === window.location.origin ? target.href : "/");
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error) ?? "Sign-in failed. Try again.");
  }

  return (
    <div className="mt-6 space-y-6">
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
        <div>
          <label htmlFor="username" className="block text-sm font-medium">
            Username
          </label>
          <input id="username" name="username" autoComplete="username" required className={input} />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={input}
          />
        </div>
        <button type="submit" disabled={pending} className={`${button} bg-blue-700 text-white hover:bg-blue-800`}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {sso && (
        <div className="border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <button
            type="button"
            onClick={() => void signIn("oidc", { callbackUrl })}
            className={`${button} border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:hover:bg-zinc-800`}
          >
            Sign in with {sso.name}
          </button>
        </div>
      )}
    </div>
  );
}
