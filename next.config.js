// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets two builds (say a test run and a bench run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
