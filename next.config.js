// @ts-check

// Pages get their CSP (with a per-request nonce) from proxy.ts; API answers are JSON and may load nothing.
const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// next-auth's own small HTML pages (sign-out confirmation, errors) use inline styles and post a form.
const authPagesCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets two builds (say a test run and a bench run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path((?!auth/).*)", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
      { source: "/api/auth/:path*", headers: [{ key: "Content-Security-Policy", value: authPagesCsp }] },
    ];
  },
};

module.exports = nextConfig;
