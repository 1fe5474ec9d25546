-- One park's renewals by amount: the list sorted its ~17,000 rows at 10 M after reading them all (0.6 s warm, 1.5 s cold).
-- CreateIndex
CREATE INDEX "renewals_park_id_amount_fen_id_idx" ON "renewals"("park_id", "amount_fen", "id");

-- Hand-written (a partial index is not in the Prisma schema): renewals without a pay_company (the
-- list's channel filter "none"), newest first, carrying the amount for the capped totals. They are
-- a sliver of the rows, so reading the pay-time index and testing each row took 0.2-0.35 s.
CREATE INDEX "renewals_no_channel_booked_at_id_idx" ON "renewals" ("booked_at" DESC, "id" DESC) INCLUDE ("amount_fen") WHERE "pay_company" IS NULL;
