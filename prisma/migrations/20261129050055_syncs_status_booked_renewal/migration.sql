-- DropIndex
DROP INDEX "wechat_syncs_status_renewal_id_idx";

-- CreateIndex
CREATE INDEX "wechat_syncs_status_booked_at_renewal_id_idx" ON "wechat_syncs"("status", "booked_at", "renewal_id");

