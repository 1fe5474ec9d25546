-- Partial, any-case search on plate, card id, trade_no and out_trade_no (ILIKE '%term%') uses
-- trigram GIN indexes; sorts by amount, park, days left and last attempt use (column, id) b-trees for
-- keyset pages. pg_trgm ships with PostgreSQL and is a trusted extension (PG 13+): a database
-- owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "month_cards_period_end_idx";

-- CreateIndex
CREATE INDEX "renewals_amount_fen_id_idx" ON "renewals"("amount_fen", "id");

-- CreateIndex
CREATE INDEX "renewals_park_id_id_idx" ON "renewals"("park_id", "id");

-- CreateIndex
CREATE INDEX "renewals_car_number_trgm_idx" ON "renewals" USING GIN ("car_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "renewals_card_id_trgm_idx" ON "renewals" USING GIN ("card_id" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "renewals_trade_no_trgm_idx" ON "renewals" USING GIN ("trade_no" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "renewals_out_trade_no_trgm_idx" ON "renewals" USING GIN ("out_trade_no" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "month_cards_period_end_id_idx" ON "month_cards"("period_end", "id");

-- CreateIndex
CREATE INDEX "month_cards_car_number_trgm_idx" ON "month_cards" USING GIN ("car_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "month_cards_card_id_trgm_idx" ON "month_cards" USING GIN ("card_id" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "wechat_syncs_updated_at_id_idx" ON "wechat_syncs"("updated_at", "id");

