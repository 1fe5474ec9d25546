-- CreateIndex
CREATE INDEX "renewals_union_id_received_at_idx" ON "renewals"("union_id", "received_at");

