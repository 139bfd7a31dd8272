// The certificate for --tls: the one given, or a self-signed one made at start for localhost,
// 127.0.0.1, ::1 and the listen host, written to a fresh temporary directory so a client can trust it.
// Made with the `selfsigned` package (maintained, on @peculiar/x509 and pkijs): X.509 and ASN.1 are
// easy to get subtly wrong by hand, and Node's crypto makes keys but not certificates.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";

export interface TlsFiles {
  cert: string;
  key: string;
  /** Where the certificate is on disk (made or given). */
  certPath: string;
  keyPath: string;
}

export function readTlsFiles(certPath: string, keyPath: string): TlsFiles {
  return { cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8"), certPath, keyPath };
}

export async function makeSelfSigned(host: string): Promise<TlsFiles> {
  const hosts = new Set(["localhost", "127.0.0.1", "::1", host]);
  const altNames = [...hosts].map((h) => (isIP(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h }));
  const now = new Date();
  const pems = await generate([{ name: "commonName", value: "Backwatch Atlas simulator" }], {
    keyType: "ec",
    curve: "P-256",
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 30 * 86_400_000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), "atlas-simulator-tls-"));
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private, certPath, keyPath };
}
