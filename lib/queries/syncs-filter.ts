// The WeChat sync page's filters → Prisma where. Shared by the list and "resend all matching".
import type { Prisma } from "@/lib/generated/prisma";
import { shanghaiDayStart } from "@/lib/list/dates";
import type { ListSyncsQuery } from "@/lib/validations/syncs";

export function syncsWhere(query: Partial<ListSyncsQuery>): Prisma.WechatSyncWhereInput {
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.code ? { lastCode: query.code } : {}),
    ...(query.park || query.from || query.to
      ? {
          renewal: {
            is: {
              ...(query.park ? { parkId: query.park } : {}),
              // The payment's day (China time), as on the renewals page.
              ...(query.from || query.to
                ? {
                    bookedAt: {
                      ...(query.from ? { gte: shanghaiDayStart(query.from) } : {}),
                      ...(query.to ? { lt: new Date(shanghaiDayStart(query.to).getTime() + 86_400_000) } : {}),
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
    ...(query.after ? { id: { lt: query.after } } : {}),
  };
}
