"use server";
// Admins manage Bolink vendor accounts. The ukey is write-only: stored, never returned, never
// audited; the callback checks each signature against the stored key.
import { ActionError, defineAction } from "@/lib/actions/action";
import type { Tx } from "@/lib/db/client";
import { VENDOR_ERRORS, createVendorInput, replaceVendorKeyInput, updateVendorInput } from "@/lib/validations/vendors";

export const createVendor = defineAction({
  name: "vendor.create",
  role: "ADMIN",
  input: createVendorInput,
  revalidate: ["/vendors"],
  async handler(input, { tx }) {
    const { count } = await tx.vendorAccount.createMany({
      data: [{ unionId: input.unionId, name: input.name, signingKey: input.ukey }],
      skipDuplicates: true,
    });
    if (!count) throw new ActionError(VENDOR_ERRORS.duplicate);
    const vendor = await tx.vendorAccount.findUniqueOrThrow({ where: { unionId: input.unionId }, select: { id: true } });
    return { result: vendor, target: input.unionId, details: { name: input.name } };
  },
});

export const updateVendor = defineAction({
  name: "vendor.update",
  role: "ADMIN",
  input: updateVendorInput,
  revalidate: ["/vendors"],
  async handler({ id, name, enabled }, { tx }) {
    const vendor = await findVendorOrThrow(tx, id);
    await tx.vendorAccount.update({ where: { id }, data: { name, enabled } });
    return { result: null, target: vendor.unionId, details: { name, enabled } };
  },
});

export const replaceVendorKey = defineAction({
  name: "vendor.replace-key",
  role: "ADMIN",
  input: replaceVendorKeyInput,
  revalidate: ["/vendors"],
  async handler({ id, ukey }, { tx }) {
    const vendor = await findVendorOrThrow(tx, id);
    await tx.vendorAccount.update({ where: { id }, data: { signingKey: ukey }, select: { id: true } });
    return { result: null, target: vendor.unionId };
  },
});

async function findVendorOrThrow(tx: Tx, id: number) {
  const vendor = await tx.vendorAccount.findUnique({ where: { id }, select: { unionId: true } });
  if (!vendor) throw new ActionError(VENDOR_ERRORS.notFound);
  return vendor;
}
