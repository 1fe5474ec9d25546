-- AlterTable (hand-edited: Prisma declares the column as @default(dbgenerated()); PostgreSQL computes it)
-- The fee report's mismatch (fee_daily.mismatched counts the same rows among fee entries, which are
-- exactly the paid renewals) as a stored generated column: the renewals list filters on it with a
-- plain Prisma where and a partial index, and no writer can get it wrong.
ALTER TABLE "renewals" ADD COLUMN "fee_mismatch" BOOLEAN NOT NULL GENERATED ALWAYS AS (
  "pay_state" = 1 AND ("arrive_money_fen" IS NULL OR "fee_fen" IS NULL OR "amount_fen" <> "arrive_money_fen" + "fee_fen")
) STORED;

-- Hand-written below (Prisma cannot express partial indexes). Mismatches are few: the filter
-- reads them in list order (booked_at, id), over every park or one park, without touching the rest.
CREATE INDEX "renewals_fee_mismatch_booked_at_idx" ON "renewals" ("booked_at" DESC, "id" DESC) WHERE "fee_mismatch";
CREATE INDEX "renewals_fee_mismatch_park_booked_at_idx" ON "renewals" ("park_id", "booked_at" DESC, "id" DESC) WHERE "fee_mismatch";
