import "server-only";
import { cookies } from "next/headers";
import { catalogs, LOCALE_COOKIE, toLocale, type Locale } from "./locale";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function getMessages() {
  return catalogs[await getLocale()];
}
