"use client";

import { useEffect } from "react";

export function signInHref(pathAndQuery: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(pathAndQuery)}`;
}

// A layout cannot see the URL below it, so the browser supplies the exact path and query;
// pages also redirect server-side with the same target (require-session.ts).
export function SignInRedirect() {
  useEffect(() => {
    window.location.replace(signInHref(window.location.pathname + window.location.search));
  }, []);
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">Sign in required</h1>
      <p className="mt-2">
        Redirecting to{" "}
        <a className="underline" href="/signin">
          sign in
        </a>
        …
      </p>
    </main>
  );
}
