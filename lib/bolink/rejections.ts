// The bounded log of callbacks we answered state 0, for operators chasing a misconfigured vendor.
import type { Db } from "@/lib/db/client";

export const REJECTED_BODY_CHARS = 8 * 1024;

export type Rejection = {
  reason: string;
  unionId?: string | null;
  tradeNo?: string | null;
  body: string;
  bodyBytes: number;
  remoteAddr: string | null;
};

/**
 * The first REJECTED_BODY_CHARS of a body, storable: PostgreSQL text cannot hold NUL, and a cut
 * through a surrogate pair (emoji) leaves a lone half that Prisma's engine refuses outright —
 * the insert threw and the callback was answered "temporarily unavailable" instead of its reason.
 */
export function keptBody(body: string): string {
  return body.slice(0, REJECTED_BODY_CHARS).toWellFormed().replaceAll("\u0000", "\uFFFD");
}

export async function recordRejection(db: Db, rejection: Rejection, keep: number): Promise<void> {
  const { id } = await db.rejectedCallback.create({
    select: { id: true },
    data: {
      reason: rejection.reason,
      unionId: rejection.unionId?.slice(0, 64) ?? null,
      tradeNo: rejection.tradeNo?.slice(0, 64) ?? null,
      body: keptBody(rejection.body),
      bodyBytes: rejection.bodyBytes,
      remoteAddr: rejection.remoteAddr,
    },
  });
  // Ids only grow, so everything `keep` rows behind this one is older; an indexed range delete.
  await db.$executeRaw`DELETE FROM rejected_callbacks WHERE id <= ${id - keep}`;
}
