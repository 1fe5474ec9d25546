// Security headers. Pages get a Content-Security-Policy with a fresh nonce per request (proxy.ts):
// Next.js puts that nonce on its own scripts, so no inline script runs without it. API answers
// run no scripts and get the same policy without one. scripts/start.ts sets answerHeaders()'s list on
// every answer before Next.js handles the request: as next.config.js `headers()` rules, Next.js
// re-compiled the policy text as a path pattern on every request (it contains "data:"), about a
// tenth of a callback's CPU.

const COMMON = [
  "default-src 'self'",
  // Inline style attributes (charts, widths) carry no script; a nonce cannot cover attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For a page: scripts need the nonce; what they load is trusted through it ('strict-dynamic'). */
export function pagePolicy(nonce: string, dev = false): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, ...COMMON].join("; ");
}

/** For everything that is not a page (API answers, static files): no script may run inline. */
export const NON_PAGE_POLICY = ["script-src 'self'", ...COMMON].join("; ");

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

/** Not a page (an API answer or one of Next.js's static files): NON_PAGE_POLICY, no nonce. */
const isNonPage = (url: string) => /^\/(api|_next)(\/|\?|$)/.test(url);

/**
 * The headers every answer gets (a page's own policy comes from proxy.ts), by URL; `hsts` from
 * strictTransportSecurity. Both lists are built once: start.ts asks on every request.
 */
export function answerHeaders(hsts: string | null): (url: string) => [string, string][] {
  const common: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "same-origin"],
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ...(hsts ? [["Strict-Transport-Security", hsts] as [string, string]] : []),
  ];
  const nonPage: [string, string][] = [...common, ["Content-Security-Policy", NON_PAGE_POLICY]];
  return (url) => (isNonPage(url) ? nonPage : common);
}

/** HSTS only where the console is published over https: a plain-http laptop must stay reachable. */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.trim().toLowerCase().startsWith("https://") ? "max-age=31536000" : null;
}
