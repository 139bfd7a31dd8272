// Browser-safe: the sign-in page (server) and form (client) turn next-auth's error codes into words.

const TOO_MANY = /^TooManyAttempts:(\d+)$/;

/** The error code the credentials check throws when a name or address is locked out for a while. */
export const tooManyAttemptsCode = (retryAfterSeconds: number) => `TooManyAttempts:${retryAfterSeconds}`;

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const locked = TOO_MANY.exec(code);
  if (locked) return `Too many failed attempts. Try again in ${locked[1]} s.`;
  if (code === "CredentialsSignin") return "Wrong username or password.";
  if (code === "SessionRequired") return "Sign in to continue.";
  return "Sign-in did not complete. Try again, or ask your administrator.";
}
