import { z } from "zod";
import { UKEY_ALPHABET, UKEY_MIN_LENGTH } from "@/lib/bolink/ukey";
import { defineListParams, param } from "@/lib/list/params";

export const unionId = z.string().trim().regex(/^\d{1,18}$/, "digits only (Bolink's union_id)");
export const vendorName = z.string().trim().min(1).max(100);
/** Bolink's ukey: copied from the vendor portal, so surrounding spaces are a paste accident. */
export const ukey = z
  .string()
  .trim()
  .min(UKEY_MIN_LENGTH, `at least ${UKEY_MIN_LENGTH} characters`)
  .max(200)
  .regex(UKEY_ALPHABET, "letters and digits only");

const vendorId = z.number().int().positive();

export const createVendorInput = z.object({ unionId, name: vendorName, ukey });

export const updateVendorInput = z.object({ id: vendorId, name: vendorName, enabled: z.boolean() });

export const replaceVendorKeyInput = z.object({ id: vendorId, ukey });

export const VENDOR_ERRORS = {
  duplicate: "union_id already exists",
  notFound: "vendor not found",
} as const;

export const VENDOR_STATUSES = ["enabled", "disabled"] as const;

/** The vendors list's URL state (a handful of accounts: one page, capped, so every weak key is seen). */
export const vendorsParams = defineListParams({
  filters: { q: param.text(), status: param.oneOf(VENDOR_STATUSES) },
  sorts: { unionId: "text" },
  defaultSort: "unionId",
  defaultDir: "asc",
});

export type VendorsQuery = ReturnType<typeof vendorsParams.parse>["query"];
