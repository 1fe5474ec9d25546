-- CreateIndex
CREATE INDEX "wechat_syncs_status_updated_at_id_idx" ON "wechat_syncs"("status", "updated_at", "id");

