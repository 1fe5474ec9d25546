// Throwaway RSA keys for the simulator and tests; generated at run time, never committed.
import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";

export type KeyPair = { privateKey: KeyObject; publicKey: KeyObject; serial: string };

export function generateKeyPair(serialPrefix = ""): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, publicKey, serial: `${serialPrefix}${randomBytes(20).toString("hex").toUpperCase()}` };
}
