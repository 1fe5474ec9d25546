// The WeChat sync page's filters → Prisma where. Shared by the list and "resend all matching".
import type { Prisma } from "@/lib/generated/prisma";
import type { ListSyncsQuery } from "@/lib/validations/syncs";

export function syncsWhere(query: Partial<ListSyncsQuery>): Prisma.WechatSyncWhereInput {
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.code ? { lastCode: query.code } : {}),
    ...(query.park ? { renewal: { is: { parkId: query.park } } } : {}),
    ...(query.after ? { id: { lt: query.after } } : {}),
  };
}
