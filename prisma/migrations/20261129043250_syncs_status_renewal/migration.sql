-- CreateIndex
CREATE INDEX "wechat_syncs_status_renewal_id_idx" ON "wechat_syncs"("status", "renewal_id");

