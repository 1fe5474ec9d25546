// Rejected-callback filters → Prisma where. Pure, so the mapping is unit-tested.
import type { Prisma } from "@/lib/generated/prisma";
import { dayRange } from "@/lib/list/dates";
import type { KeysetColumn } from "@/lib/list/keyset";
import type { RejectedQuery } from "@/lib/validations/rejected";

export const REJECTED_SORTS: Record<RejectedQuery["sort"], KeysetColumn> = { receivedAt: { column: "id" } };

export function rejectedWhere(query: Partial<RejectedQuery>): Prisma.RejectedCallbackWhereInput {
  const and: Prisma.RejectedCallbackWhereInput[] = [];
  const received = dayRange(query.from, query.to);
  if (received) and.push({ receivedAt: received });
  if (query.reason) and.push({ reason: query.reason });
  if (query.union) and.push({ unionId: query.union });
  return and.length ? { AND: and } : {};
}
