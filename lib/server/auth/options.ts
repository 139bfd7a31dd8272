import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { serverEnv } from "@/lib/server/env";
import { sharedRedis } from "@/lib/server/atlas-services";
import { logger } from "@/lib/server/logger";
import { sameOriginRedirect } from "@/lib/server/auth/callback-url";
import { RoleSchema } from "@/lib/server/auth/roles";
import {
  SessionTokenSchema,
  openSession,
  refreshSession,
  stableId,
  type TokenPolicy,
} from "@/lib/server/auth/session-token";
import { TooManyAttempts, clientAddress, createSignInLimiter } from "@/lib/server/auth/signin-limiter";
import { parseUsers, verifyUser } from "@/lib/server/auth/users";
import { nameFromClaims, roleFromClaims } from "@/lib/server/auth/oidc-role";

export const OIDC_PROVIDER_ID = "oidc";
// Idle expiry (next-auth slides it on use); the absolute lifetime is BACKWATCH_SESSION_MAX_HOURS.
const IDLE_SECONDS = 8 * 60 * 60;

const CredentialsInput = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });
const Identity = z.object({ name: z.string().min(1), role: RoleSchema });
// At sign-in next-auth's user carries the provider's subject as `id` (OIDC: the `sub` claim).
const SignInUser = Identity.extend({ id: z.string().min(1).optional() });

type Headers = Record<string, string | string[] | undefined> | undefined;
const header = (headers: Headers, name: string) => {
  const value = headers?.[name];
  return Array.isArray(value) ? value.join(",") : value;
};

function credentialsProvider(policy: TokenPolicy) {
  const env = serverEnv();
  const limiter = createSignInLimiter(
    {
      perName: env.BACKWATCH_SIGNIN_MAX_FAILURES,
      perAddress: env.BACKWATCH_SIGNIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: env.BACKWATCH_SIGNIN_WINDOW_SECONDS,
    },
    sharedRedis(),
  );
  return CredentialsProvider({
    name: "Backwatch account",
    credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(input, req) {
      const parsed = CredentialsInput.safeParse(input);
      if (!parsed.success) return null;
      const { username, password } = parsed.data;
      const address = clientAddress(
        header(req?.headers as Headers, "x-forwarded-for"),
        env.BACKWATCH_TRUSTED_PROXY_HOPS,
      );
      try {
        await limiter.check(username, address);
        const user = verifyUser(policy.users, username, password);
        if (user) {
          await limiter.succeed(username);
          return { id: user.name, ...user };
        }
        await limiter.fail(username, address);
        return null;
      } catch (error) {
        if (error instanceof TooManyAttempts) {
          logger().warn(
            { user: username, address, retryAfterSeconds: error.retryAfterSeconds },
            "sign-in refused: too many failed attempts",
          );
        }
        throw error;
      }
    },
  });
}

function oidcProvider(): OAuthConfig<Record<string, unknown>> | null {
  const env = serverEnv();
  if (!env.BACKWATCH_OIDC_ISSUER || !env.BACKWATCH_OIDC_CLIENT_ID || !env.BACKWATCH_OIDC_CLIENT_SECRET) return null;
  const issuer = env.BACKWATCH_OIDC_ISSUER.replace(/\/$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: env.BACKWATCH_OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.BACKWATCH_OIDC_CLIENT_ID,
    clientSecret: env.BACKWATCH_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: `openid profile ${env.BACKWATCH_OIDC_ROLES_CLAIM}` } },
    idToken: true,
    checks: ["pkce", "state"],
    // Runs once at sign-in on the ID token's claims; only name and role survive into our JWT.
    profile(claims) {
      return {
        id: String(claims.sub),
        name: nameFromClaims(claims),
        role: roleFromClaims(claims, env.BACKWATCH_OIDC_ROLES_CLAIM, env.BACKWATCH_OIDC_OPERATOR_GROUPS),
      };
    },
  };
}

/** The absolute session lifetime and the users a session is checked against. */
export function tokenPolicy(): TokenPolicy {
  const env = serverEnv();
  return { maxAgeSeconds: env.sessionMaxAgeSeconds, users: parseUsers(env.BACKWATCH_USERS), key: env.NEXTAUTH_SECRET };
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const oidc = oidcProvider();
  const policy = tokenPolicy();
  cached = {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: Math.min(IDLE_SECONDS, policy.maxAgeSeconds) },
    pages: { signIn: "/signin", error: "/signin" },
    providers: oidc ? [credentialsProvider(policy), oidc] : [credentialsProvider(policy)],
    callbacks: {
      // Rebuilt from scratch at sign-in so provider tokens and profile data never enter it; an empty
      // token is a signed-out one.
      jwt({ token, user, account }) {
        if (user) {
          const identity = SignInUser.safeParse(user);
          if (!identity.success) return {};
          const { id, ...who } = identity.data;
          return openSession(
            { ...who, ...(id && { sub: id }) },
            account?.provider === OIDC_PROVIDER_ID ? "oidc" : "local",
            policy,
            new Date(),
          );
        }
        return refreshSession(token, policy, new Date()) ?? {};
      },
      session({ session, token }) {
        const identity = Identity.safeParse(token);
        const live = SessionTokenSchema.safeParse(token);
        const user = identity.success
          ? { ...identity.data, ...(live.success && { id: stableId(live.data) }) }
          : undefined;
        return { expires: session.expires, user } as typeof session;
      },
      redirect({ url, baseUrl }) {
        return sameOriginRedirect(url, baseUrl);
      },
    },
  };
  return cached;
}

export function oidcConfigured(): { name: string } | null {
  const env = serverEnv();
  return env.BACKWATCH_OIDC_ISSUER && env.BACKWATCH_OIDC_CLIENT_ID && env.BACKWATCH_OIDC_CLIENT_SECRET
    ? { name: env.BACKWATCH_OIDC_NAME }
    : null;
}
