// What a Bolink ukey must look like. A signature is MD5 over the data and the key, and any viewer
// sees signed bodies, so a short key is an offline brute force: new keys need 16+ letters/digits.

/** The spec gives no alphabet; its only key (A1B2C3D4E5F60718) is letters and digits, so that is ours. */
export const UKEY_ALPHABET = /^[A-Za-z0-9]+$/;
export const UKEY_MIN_LENGTH = 16;

/** An existing key that new keys could not be: it still verifies, but should be rotated. */
export function ukeyNeedsRotation(key: string): boolean {
  return key.length < UKEY_MIN_LENGTH || !UKEY_ALPHABET.test(key);
}
