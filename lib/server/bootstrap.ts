// First-start duties: an AUTH_SECRET, an admin account, the vendor account from the environment.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { UKEY_MIN_LENGTH, ukeyNeedsRotation } from "@/lib/bolink/ukey";
import { log } from "@/lib/log";
import { EnvError, type Env } from "@/lib/env";

/** AUTH_SECRET from the environment; for the embedded setup, generated once under DATA_DIR. */
export function resolveAuthSecret(env: Env, embedded: boolean): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!embedded) {
    throw new EnvError(
      "AUTH_SECRET is not set. With an external DATABASE_URL every instance must share one secret: " +
        "set AUTH_SECRET to the same random value everywhere (e.g. `openssl rand -base64 48`).",
    );
  }
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** With no users at all, creates the admin; returns the password only when it generated one. */
export async function bootstrapAdmin(db: Db, env: Env): Promise<{ username: string; generatedPassword?: string } | null> {
  if ((await db.user.count()) > 0) return null;
  const generatedPassword = env.ADMIN_PASSWORD ? undefined : randomBytes(15).toString("base64url");
  const password = env.ADMIN_PASSWORD ?? generatedPassword!;
  // createMany with skipDuplicates: two instances starting together create one admin.
  const { count } = await db.user.createMany({
    data: [{ username: env.ADMIN_USERNAME, passwordHash: await hashPassword(password), role: "ADMIN" }],
    skipDuplicates: true,
  });
  if (!count) return null;
  await writeAudit(db, { actor: null, action: "user.bootstrap", target: env.ADMIN_USERNAME });
  return { username: env.ADMIN_USERNAME, generatedPassword };
}

/** BOLINK_UNION_ID + BOLINK_UKEY create or update that vendor account (enabled). */
export async function upsertVendorFromEnv(db: Db, env: Env): Promise<string | null> {
  if (!env.BOLINK_UNION_ID || !env.BOLINK_UKEY) return null;
  const name = env.BOLINK_VENDOR_NAME ?? `Bolink ${env.BOLINK_UNION_ID}`;
  await db.vendorAccount.upsert({
    where: { unionId: env.BOLINK_UNION_ID },
    create: { unionId: env.BOLINK_UNION_ID, name, signingKey: env.BOLINK_UKEY },
    // The key follows the environment; "enabled" stays whatever an admin last chose in the dashboard.
    update: { signingKey: env.BOLINK_UKEY, ...(env.BOLINK_VENDOR_NAME ? { name } : {}) },
  });
  return env.BOLINK_UNION_ID;
}

/**
 * Once per start, one warning per vendor whose key new keys could not be (shorter than
 * UKEY_MIN_LENGTH or outside the alphabet): it keeps verifying callbacks, but should be rotated.
 */
export async function warnAboutWeakVendorKeys(db: Db): Promise<string[]> {
  const vendors = await db.vendorAccount.findMany({ select: { unionId: true, signingKey: true }, orderBy: { unionId: "asc" } });
  const weak = vendors.filter((vendor) => ukeyNeedsRotation(vendor.signingKey)).map((vendor) => vendor.unionId);
  for (const unionId of weak) {
    log.warn(
      { unionId },
      `vendor ${unionId}: its Bolink ukey is weaker than ${UKEY_MIN_LENGTH} letters and digits; it still works, but rotate it (get a new key from Bolink, replace it under 厂商 Vendors or in BOLINK_UKEY)`,
    );
  }
  return weak;
}
