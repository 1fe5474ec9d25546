-- AlterTable
ALTER TABLE "wechat_syncs" ADD COLUMN     "booked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Hand-written: the renewal's booked_at for every existing sync, before the index is built.
UPDATE "wechat_syncs" s SET "booked_at" = r."booked_at" FROM "renewals" r WHERE r."id" = s."renewal_id";

-- CreateIndex
CREATE INDEX "wechat_syncs_booked_at_id_idx" ON "wechat_syncs"("booked_at", "id");

-- Hand-written: every new sync takes its renewal's booked_at, whoever inserts it (booking, tests,
-- tools), so the copy can never disagree with the renewal. A booking's booked_at never changes.
CREATE FUNCTION wechat_syncs_copy_booked_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.booked_at INTO NEW.booked_at FROM renewals r WHERE r.id = NEW.renewal_id;
  RETURN NEW;
END $$;
CREATE TRIGGER wechat_syncs_booked_at BEFORE INSERT ON wechat_syncs FOR EACH ROW EXECUTE FUNCTION wechat_syncs_copy_booked_at();
