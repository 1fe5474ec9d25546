// Bolink's union API signature: UPPER(HEX(MD5(<data text> + "key=" + <ukey>))) over UTF-8 bytes.
import { createHash, timingSafeEqual } from "node:crypto";

export function signData(dataText: string, ukey: string): string {
  return createHash("md5").update(`${dataText}key=${ukey}`, "utf8").digest("hex").toUpperCase();
}

/** Constant-time check. Lower-case hex is accepted: it is the same digest, only spelled differently. */
export function verifySignature(dataText: string, sign: string, ukey: string): boolean {
  if (!/^[0-9a-fA-F]{32}$/.test(sign)) return false;
  const expected = Buffer.from(signData(dataText, ukey), "ascii");
  return timingSafeEqual(expected, Buffer.from(sign.toUpperCase(), "ascii"));
}
