// Who may call the simulator: the main service account and API key (whole organization), plus
// optional extra credentials limited to some projects (by id or by name).
import { timingSafeEqual } from "node:crypto";

export interface Principal {
  id: string;
  kind: "service-account" | "api-key";
  /** null = every project of the organization. */
  projects: ReadonlySet<string> | null;
}

export interface CredentialSet {
  clientId: string;
  clientSecret: string;
  publicKey: string;
  privateKey: string;
}

export interface ExtraCredential {
  kind: "service-account" | "api-key";
  id: string;
  secret: string;
  projects: string[];
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class PrincipalRegistry {
  private readonly serviceAccounts = new Map<string, { secret: string; principal: Principal }>();
  private readonly apiKeys = new Map<string, { secret: string; principal: Principal }>();

  constructor(main: CredentialSet, extra: ExtraCredential[] = []) {
    this.serviceAccounts.set(main.clientId, {
      secret: main.clientSecret,
      principal: { id: main.clientId, kind: "service-account", projects: null },
    });
    this.apiKeys.set(main.publicKey, {
      secret: main.privateKey,
      principal: { id: main.publicKey, kind: "api-key", projects: null },
    });
    for (const c of extra) {
      const entry = { secret: c.secret, principal: { id: c.id, kind: c.kind, projects: new Set(c.projects) } };
      (c.kind === "service-account" ? this.serviceAccounts : this.apiKeys).set(c.id, entry);
    }
  }

  serviceAccount(clientId: string, secret: string): Principal | undefined {
    const entry = this.serviceAccounts.get(clientId);
    return entry && safeEqual(entry.secret, secret) ? entry.principal : undefined;
  }

  serviceAccountById(clientId: string): Principal | undefined {
    return this.serviceAccounts.get(clientId)?.principal;
  }

  apiKeySecret(publicKey: string): string | undefined {
    return this.apiKeys.get(publicKey)?.secret;
  }

  apiKey(publicKey: string): Principal | undefined {
    return this.apiKeys.get(publicKey)?.principal;
  }
}

export function canAccessProject(principal: Principal, project: { id: string; name: string }): boolean {
  return principal.projects === null || principal.projects.has(project.id) || principal.projects.has(project.name);
}
