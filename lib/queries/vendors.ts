import "server-only";
import { ukeyNeedsRotation } from "@/lib/bolink/ukey";
import type { Db } from "@/lib/db/client";
import { vendorsWhere } from "@/lib/queries/admin-filters";
import type { VendorsQuery } from "@/lib/validations/vendors";

/** "••••••••0718": enough to tell keys apart, never enough to sign with. */
export function maskKey(key: string): string {
  return `••••••••${key.length > 4 ? key.slice(-4) : ""}`;
}

/**
 * Vendor accounts with the key masked here, on the server: the full key never reaches a page.
 * The one query that selects signingKey for display; nothing else about it leaves this function.
 */
export async function listVendors(db: Db, query?: VendorsQuery) {
  const rows = await db.vendorAccount.findMany({
    where: query ? vendorsWhere(query) : {},
    orderBy: { unionId: query?.dir ?? "asc" },
    take: 1000,
    select: { id: true, unionId: true, name: true, enabled: true, signingKey: true, updatedAt: true },
  });
  return rows.map(({ signingKey, ...vendor }) => ({
    ...vendor,
    keyMask: maskKey(signingKey),
    keyNeedsRotation: ukeyNeedsRotation(signingKey),
  }));
}

export type VendorRow = Awaited<ReturnType<typeof listVendors>>[number];

/**
 * The notify_url to give Bolink: PUBLIC_URL when set, else this request's origin. The forwarded
 * headers were normalised at the server's edge (TRUSTED_PROXY_COUNT), so a client cannot pick them.
 */
export function callbackUrl(publicUrl: string | undefined, headers: Headers): string {
  const origin = publicUrl?.trim() ? publicUrl.trim().replace(/\/+$/, "") : requestOrigin(headers);
  return `${origin}/api/callbacks/bolink`;
}

function requestOrigin(headers: Headers): string {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  const host = headers.get("host")?.trim() ?? "localhost";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
