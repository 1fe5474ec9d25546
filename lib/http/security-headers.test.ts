import { describe, expect, it } from "vitest";
import { answerHeaders, NON_PAGE_POLICY, PERMISSIONS_POLICY, pagePolicy, strictTransportSecurity } from "@/lib/http/security-headers";

const scriptSrc = (policy: string) => policy.split("; ").find((directive) => directive.startsWith("script-src "))!;

describe("security headers", () => {
  it("a page's scripts need its nonce; no inline script is allowed otherwise", () => {
    const policy = pagePolicy("abc123");
    expect(scriptSrc(policy)).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(scriptSrc(NON_PAGE_POLICY)).toBe("script-src 'self'");
  });

  it("API answers and static files get NON_PAGE_POLICY; pages get theirs from proxy.ts", () => {
    const csp = (url: string) => new Map(answerHeaders(null)(url)).get("Content-Security-Policy");
    for (const url of ["/api/callbacks/bolink", "/api/renewals/export?sync=FAILED", "/api", "/_next/static/chunks/a.js"]) expect(csp(url), url).toBe(NON_PAGE_POLICY);
    for (const url of ["/", "/renewals", "/apidocs", "/login?next=/api/me"]) expect(csp(url), url).toBeUndefined();
    expect(new Map(answerHeaders(null)("/renewals"))).toEqual(
      new Map([["X-Content-Type-Options", "nosniff"], ["Referrer-Policy", "same-origin"], ["X-Frame-Options", "DENY"], ["Permissions-Policy", PERMISSIONS_POLICY]]),
    );
    expect(new Map(answerHeaders("max-age=31536000")("/")).get("Strict-Transport-Security")).toBe("max-age=31536000");
  });

  it("HSTS only when PUBLIC_URL is https", () => {
    expect(strictTransportSecurity("https://console.example.com")).toBe("max-age=31536000");
    expect(strictTransportSecurity("http://console.example.com")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
