// next-auth: credentials sign-in, JWT sessions. Every read of a session (pages, actions, API
// routes, next-auth's own /api/auth/session refresh) re-reads the user and its session version.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkCredentials } from "@/lib/auth/sign-in";
import { SessionEnded, currentSessionUser } from "@/lib/auth/session-version";
import { clientIp } from "@/lib/http/client-ip";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const THROTTLED_ERROR = "Throttled";
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/**
 * next-auth marks cookies Secure (and names them __Secure-/__Host-) only when the request's own
 * URL is https, which it takes from X-Forwarded-Proto — stripped unless TRUSTED_PROXY_COUNT
 * vouches for it. A console published at an https PUBLIC_URL is always reached over TLS, so its
 * cookies are Secure even when the proxy in front of it is not (yet) declared trusted.
 */
export function secureCookiesFor(publicUrl: string | undefined): true | undefined {
  return publicUrl?.trim().toLowerCase().startsWith("https://") ? true : undefined;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  // undefined (not false) keeps next-auth's own per-request choice for https via a trusted proxy.
  useSecureCookies: secureCookiesFor(process.env.PUBLIC_URL),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = new Headers();
        const forwarded = req?.headers?.["x-forwarded-for"];
        if (typeof forwarded === "string") headers.set("x-forwarded-for", forwarded);
        const result = await checkCredentials(getDb(), {
          ...parsed.data,
          ip: clientIp(headers, env().TRUSTED_PROXY_COUNT),
        });
        if (!result.ok && result.reason === "throttled") throw new Error(THROTTLED_ERROR);
        if (!result.ok) return null;
        return { id: String(result.user.id), name: result.user.username, role: result.user.role, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as { id: string; role: Role; sessionVersion: number };
        return { ...token, uid: Number(signedIn.id), role: signedIn.role, sv: signedIn.sessionVersion };
      }
      // A stolen or old token stops here, also when its holder keeps refreshing it.
      const current = await currentSessionUser(getDb(), token);
      if (!current) throw new SessionEnded();
      return { ...token, name: current.username, role: current.role };
    },
    session({ session, token }) {
      session.user = { id: token.uid as number, name: token.name, role: token.role as Role, sessionVersion: token.sv as number };
      return session;
    },
  },
  logger: {
    // An ended session is an answer ("signed out"), not an error with a stack trace per request.
    error(code, metadata) {
      if ((metadata as { name?: string } | undefined)?.name === "SessionEnded") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; name?: string | null; sessionVersion: number };
  }
}
