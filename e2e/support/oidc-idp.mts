// A real OpenID Connect identity provider for the SSO end-to-end test (oidc-provider, loopback only).
// Its dev interactions accept any password for the accounts below; groups drive Backwatch's role.
import { randomBytes } from "node:crypto";
import Provider from "oidc-provider";

const port = Number(process.env.E2E_IDP_PORT);
const appUrl = process.env.E2E_APP_URL;
const clientId = process.env.E2E_OIDC_CLIENT_ID;
const clientSecret = process.env.E2E_OIDC_CLIENT_SECRET;
if (!port || !appUrl || !clientId || !clientSecret) {
  console.error("oidc-idp: E2E_IDP_PORT, E2E_APP_URL, E2E_OIDC_CLIENT_ID and E2E_OIDC_CLIENT_SECRET are required");
  process.exit(2);
}

const accounts: Record<string, { name: string; groups: string[] }> = {
  "sso-operator": { name: "Sso Operator", groups: ["dba", "backwatch-operators"] },
  "sso-viewer": { name: "Sso Viewer", groups: ["dba"] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], profile: ["name", "preferred_username"], groups: ["groups"] },
  // Put the scope's claims into the ID token, which is where next-auth reads the profile from.
  conformIdTokenClaims: false,
  cookies: { keys: [randomBytes(32).toString("hex")] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    const account = accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: () => ({ sub, preferred_username: sub, ...account }) };
  },
});

const server = provider.listen(port, "127.0.0.1");
console.log(`oidc-idp: listening on http://127.0.0.1:${port}`);
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
