-- DropIndex
DROP INDEX "renewals_trade_no_idx";

-- AlterTable
ALTER TABLE "rejected_callbacks" ADD COLUMN     "field" TEXT;

-- CreateTable
CREATE TABLE "rejected_callback_counts" (
    "reason" TEXT NOT NULL,
    "count" BIGINT NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rejected_callback_counts_pkey" PRIMARY KEY ("reason")
);

-- CreateIndex
CREATE UNIQUE INDEX "renewals_trade_no_union_id_key" ON "renewals"("trade_no", "union_id");


-- Idempotency keys are scoped by vendor (issue 15): one vendor's trade_no (or identical data
-- text) can no longer pre-empt another vendor's payment. Each booked key gains its renewal's
-- union_id, so every existing booking keeps deduping its own vendor's re-deliveries. The result
-- is unique because the old keys were; the index is rebuilt after the rewrite instead of being
-- checked row by row, which would also trip over transient collisions (a trade_no with a colon).
DROP INDEX "renewals_idempotency_key_key";
UPDATE "renewals"
SET "idempotency_key" = left("idempotency_key", 2) || "union_id" || ':' || substr("idempotency_key", 3)
WHERE "idempotency_key" LIKE 't:%' OR "idempotency_key" LIKE 'd:%';
CREATE UNIQUE INDEX "renewals_idempotency_key_key" ON "renewals"("idempotency_key");

-- The rejected-callback log stores a reason code (lib/bolink/reject-reasons.ts) and the field it
-- names; the text comes from the i18n catalogue. Existing rows get the code of their English text.
UPDATE "rejected_callbacks"
SET "field" = CASE
      WHEN "reason" LIKE 'missing field %' THEN substr("reason", 15)
      WHEN "reason" LIKE 'invalid field %' THEN split_part(substr("reason", 15), ':', 1)
    END,
    "reason" = CASE
      WHEN "reason" = 'body too large' THEN 'body_too_large'
      WHEN "reason" = 'body is not valid UTF-8' THEN 'body_not_utf8'
      WHEN "reason" = 'empty body' THEN 'empty_body'
      WHEN "reason" = 'malformed JSON' THEN 'malformed_json'
      WHEN "reason" = 'body is not a JSON object' THEN 'not_an_object'
      WHEN "reason" = 'data is not an object' THEN 'data_not_object'
      WHEN "reason" LIKE 'data is ambiguous%' THEN 'data_ambiguous'
      WHEN "reason" = 'body is not a valid notice' THEN 'invalid_notice'
      WHEN "reason" LIKE 'missing field %' THEN 'missing_field'
      WHEN "reason" LIKE 'invalid %' THEN 'invalid_field'
      WHEN "reason" = 'unsupported service' THEN 'unsupported_service'
      WHEN "reason" = 'unknown union_id' THEN 'unknown_vendor'
      WHEN "reason" = 'vendor disabled' THEN 'vendor_disabled'
      WHEN "reason" = 'bad sign' THEN 'bad_sign'
      ELSE 'other'
    END;
INSERT INTO "rejected_callback_counts" ("reason", "count", "last_at")
SELECT "reason", count(*), max("received_at") FROM "rejected_callbacks" GROUP BY "reason";
