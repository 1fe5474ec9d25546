import type { Messages } from "@/lib/i18n/messages/zh-CN";

/**
 * The catalogue sections a client component reads. Whatever a server page hands a client
 * component is serialised into the page twice (HTML and the client payload), so a list passes
 * its table the few sections it shows, not the whole catalogue (tens of KiB on every view).
 */
export function pickMessages<K extends keyof Messages>(t: Messages, ...keys: K[]): Pick<Messages, K> {
  return Object.fromEntries(keys.map((key) => [key, t[key]])) as Pick<Messages, K>;
}
