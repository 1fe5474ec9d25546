// Throwaway RSA keys for the simulator and tests; generated at run time, never committed.
import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";

export type KeyPair = { privateKey: KeyObject; publicKey: KeyObject; serial: string };

/** RSA-2048 with a random 40-digit upper-case hex serial (like a certificate's), optionally prefixed. */
export function generateKeyPair(serialPrefix = ""): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, publicKey, serial: `${serialPrefix}${randomBytes(20).toString("hex").toUpperCase()}` };
}

/** A merchant's API key and certificate serial, for tests and the in-process simulator. */
export function generateMerchantKeys(): KeyPair {
  return generateKeyPair();
}

/** A WeChat Pay public key and its id, as the simulator signs with. */
export function generatePlatformKeys(): KeyPair {
  return generateKeyPair("PUB_KEY_ID_");
}
