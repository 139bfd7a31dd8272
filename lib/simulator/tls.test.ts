import { request } from "node:https";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";

// --tls: a real HTTPS client that trusts only the simulator's certificate gets a token and lists
// projects; one that does not trust it is refused; a given certificate is served as given.

interface Answer {
  status: number;
  body: string;
  fingerprint: string;
}

function httpsCall(
  url: string,
  o: { method: string; headers: Record<string, string>; body?: string; ca?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method, headers: o.headers, ca: o.ca, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, fingerprint }));
    });
    req.on("error", reject);
    req.end(o.body);
  });
}

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true, tls: true });
});
afterAll(() => sim?.close());

describe("the simulator over HTTPS", () => {
  it("serves https:// and names the certificate it made", () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.tls?.cert).toContain("BEGIN CERTIFICATE");
    expect(sim.tls?.certPath).toMatch(/cert\.pem$/);
  });

  it("gives a token and the project list to a client trusting that certificate", async () => {
    const c = sim.credentials;
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64");
    const token = await httpsCall(`${sim.url}/api/oauth/token`, {
      method: "POST",
      ca: sim.tls!.cert,
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(token.status, token.body).toBe(200);
    const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
    const groups = await httpsCall(`${sim.url}/api/atlas/v2/groups`, {
      method: "GET",
      ca: sim.tls!.cert,
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.atlas.2023-01-01+json" },
    });
    expect(groups.status, groups.body).toBe(200);
    const names = (JSON.parse(groups.body) as { results: Array<{ name: string }> }).results.map((g) => g.name);
    expect(names).toContain("Payments");
  });

  it("is refused by a client that does not trust the certificate", async () => {
    await expect(httpsCall(`${sim.url}/api/atlas/v2/groups`, { method: "GET", headers: {} })).rejects.toThrow(
      /self[- ]signed|unable to verify|certificate/i,
    );
  });

  it("serves a certificate given by path, unchanged", async () => {
    const made = await httpsCall(`${sim.url}/api/atlas/v2/groups`, { method: "GET", headers: {}, ca: sim.tls!.cert });
    const keyPath = sim.tls!.certPath.replace(/cert\.pem$/, "key.pem");
    const given = await startSimulator({ port: 0, quiet: true, tls: { certPath: sim.tls!.certPath, keyPath } });
    try {
      expect(given.tls?.certPath).toBe(sim.tls!.certPath);
      const res = await httpsCall(`${given.url}/api/atlas/v2/groups`, {
        method: "GET",
        headers: {},
        ca: sim.tls!.cert,
      });
      expect(res.status).toBe(401);
      expect(res.fingerprint).toBe(made.fingerprint);
    } finally {
      await given.close();
    }
  });
});
