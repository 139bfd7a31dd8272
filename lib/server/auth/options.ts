import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { serverEnv } from "@/lib/server/env";
import { RoleSchema } from "@/lib/server/auth/roles";
import { parseUsers, verifyUser } from "@/lib/server/auth/users";
import { nameFromClaims, roleFromClaims } from "@/lib/server/auth/oidc-role";

export const OIDC_PROVIDER_ID = "oidc";
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const CredentialsInput = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });
const Identity = z.object({ name: z.string().min(1), role: RoleSchema });

function credentialsProvider() {
  const users = parseUsers(serverEnv().BACKWATCH_USERS);
  return CredentialsProvider({
    name: "Backwatch account",
    credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(input) {
      const parsed = CredentialsInput.safeParse(input);
      if (!parsed.success) return null;
      const user = verifyUser(users, parsed.data.username, parsed.data.password);
      return user ? { id: user.name, ...user } : null;
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

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const oidc = oidcProvider();
  cached = {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: oidc ? [credentialsProvider(), oidc] : [credentialsProvider()],
    callbacks: {
      // The token is rebuilt from scratch at sign-in so provider tokens and profile data never enter it.
      jwt({ token, user }) {
        if (user) {
          const identity = Identity.safeParse(user);
          return identity.success ? { name: identity.data.name, role: identity.data.role } : {};
        }
        return token;
      },
      session({ session, token }) {
        const identity = Identity.safeParse(token);
        return { expires: session.expires, user: identity.success ? identity.data : undefined } as typeof session;
      },
      redirect({ url, baseUrl }) {
        // Same-origin only, so a crafted callbackUrl cannot send a fresh session elsewhere.
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        return URL.canParse(url) && new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
  };
  return cached;
}

export function oidcConfigured(): { name: string } | null {
  const env = serverEnv();
  return env.BACKWATCH_OIDC_ISSUER && env.BACKWATCH_OIDC_CLIENT_ID && env.BACKWATCH_OIDC_CLIENT_SECRET ? { name: env.BACKWATCH_OIDC_NAME } : null;
}
