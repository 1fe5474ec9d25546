// Every page request: a fresh CSP nonce. Next.js reads the policy from the request headers and puts
// the nonce on the scripts it renders; the browser gets the same policy on the answer.
import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // API routes and static files get NON_PAGE_POLICY from next.config.js instead (no proxy on the callback path).
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
