// How tests and benches launch a browser: Debian's chromium by default (no browser downloads here);
// PLAYWRIGHT_CHROMIUM_PATH=bundled uses Playwright's own. The flags keep Chromium off the closed network.
const path = process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_EXECUTABLE = path === "bundled" ? undefined : path;
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
