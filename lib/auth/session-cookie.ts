import "server-only";
// Re-issues the caller's own session cookie with a new session version, so changing one's own
// password ends every other session but not this one. Same name and attributes as next-auth's.
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { SESSION_MAX_AGE_S } from "@/lib/auth/options";

const NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function reissueSessionCookie(sessionVersion: number): Promise<boolean> {
  const secret = process.env.AUTH_SECRET;
  const jar = await cookies();
  const name = NAMES.find((candidate) => jar.get(candidate)?.value);
  if (!secret || !name) return false;
  const token = await decode({ token: jar.get(name)!.value, secret });
  if (!token) return false;
  jar.set(name, await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_S }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
  return true;
}
