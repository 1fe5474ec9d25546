import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config.js";
import { NON_PAGE_POLICY, pagePolicy, strictTransportSecurity } from "@/lib/http/security-headers";

const scriptSrc = (policy: string) => policy.split("; ").find((directive) => directive.startsWith("script-src "))!;

describe("security headers", () => {
  it("a page's scripts need its nonce; no inline script is allowed otherwise", () => {
    const policy = pagePolicy("abc123");
    expect(scriptSrc(policy)).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(scriptSrc(NON_PAGE_POLICY)).toBe("script-src 'self'");
  });

  it("next.config.js sends NON_PAGE_POLICY on API answers and static files", async () => {
    const rules = await nextConfig.headers!();
    for (const source of ["/api/:path*", "/_next/:path*"]) {
      const csp = rules.find((rule) => rule.source === source)?.headers.find((h) => h.key === "Content-Security-Policy")?.value;
      expect(csp?.split("; ").sort(), source).toEqual(NON_PAGE_POLICY.split("; ").sort());
    }
  });

  it("HSTS only when PUBLIC_URL is https", () => {
    expect(strictTransportSecurity("https://console.example.com")).toBe("max-age=31536000");
    expect(strictTransportSecurity("http://console.example.com")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
