// next-auth: credentials sign-in, JWT sessions; role and enabled state re-read on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkCredentials } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/http/client-ip";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const THROTTLED_ERROR = "Throttled";

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
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        return { id: String(result.user.id), name: result.user.username, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as { role?: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid as number, role: token.role as Role };
      return session;
    },
  },
};

declare module "next-auth" {
  interface Session {
    user: { id: number; role: Role; name?: string | null };
  }
}
