// `npm run hash-password`: reads a password (hidden when typed at a terminal, or piped on stdin)
// and prints its scrypt hash for BACKWATCH_USERS, as `name:<hash>:role`.
import { hashPassword } from "../lib/server/auth/passwords";

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let data = "";
    for await (const chunk of stdin) data += chunk;
    return data.replace(/\r?\n$/, "");
  }
  process.stderr.write("Password: ");
  stdin.setRawMode(true);
  let value = "";
  return new Promise((resolve) => {
    stdin.on("data", (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        value = ch === "\u007f" ? value.slice(0, -1) : value + ch;
      }
    });
  });
}

async function main() {
  const password = await readPassword();
  if (password.length < 12) {
    console.error("hash-password: use at least 12 characters");
    process.exit(2);
  }
  console.log(hashPassword(password));
}

void main();
