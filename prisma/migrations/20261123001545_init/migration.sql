-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'OPERATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "FeeType" AS ENUM ('EXT_PARKING_PAYMENT_FEE_TYPE_UNKNOWN', 'EXT_PARKING_PAYMENT_FEE_TYPE_MONTHLY', 'EXT_PARKING_PAYMENT_FEE_TYPE_QUARTERLY', 'EXT_PARKING_PAYMENT_FEE_TYPE_MEMBER');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('PENDING', 'RETRYING', 'SYNCED', 'FAILED');

-- CreateEnum
CREATE TYPE "AttemptOutcome" AS ENUM ('SUCCESS', 'TRANSIENT', 'PERMANENT');

-- CreateTable
CREATE TABLE "vendor_accounts" (
    "id" SERIAL NOT NULL,
    "union_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "signing_key" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vendor_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "parks" (
    "id" SERIAL NOT NULL,
    "park_id" TEXT NOT NULL,
    "name" TEXT,
    "wx_parking_lot_id" TEXT,
    "fee_type_override" "FeeType",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "parks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "renewals" (
    "id" SERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "union_id" TEXT NOT NULL,
    "source_type" INTEGER,
    "service_name" TEXT,
    "trade_no" TEXT,
    "out_trade_no" TEXT,
    "park_id" TEXT NOT NULL,
    "card_id" TEXT,
    "car_number" TEXT,
    "license_color" INTEGER,
    "pay_state" INTEGER NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "arrive_money_fen" INTEGER,
    "fee_fen" INTEGER,
    "account_type" INTEGER,
    "pay_company" INTEGER,
    "pay_account" INTEGER,
    "pay_time" TIMESTAMPTZ(3),
    "start_date" DATE,
    "end_date" DATE,
    "remark" TEXT,
    "attach" JSONB,
    "extra" JSONB,
    "sign" TEXT NOT NULL,
    "data_text" TEXT NOT NULL,
    "raw_body" TEXT NOT NULL,
    "remote_addr" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "booked_at" TIMESTAMPTZ(3) NOT NULL,
    "has_conflict" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "renewals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "renewal_conflicts" (
    "id" SERIAL NOT NULL,
    "renewal_id" INTEGER NOT NULL,
    "fields" TEXT[],
    "data_text" TEXT NOT NULL,
    "raw_body" TEXT NOT NULL,
    "remote_addr" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "renewal_conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fee_entries" (
    "id" SERIAL NOT NULL,
    "renewal_id" INTEGER NOT NULL,
    "park_id" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "arrive_money_fen" INTEGER,
    "fee_fen" INTEGER,
    "account_type" INTEGER,
    "pay_company" INTEGER,
    "pay_account" INTEGER,
    "booked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fee_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "month_cards" (
    "id" SERIAL NOT NULL,
    "park_id" TEXT NOT NULL,
    "card_key" TEXT NOT NULL,
    "card_id" TEXT,
    "car_number" TEXT,
    "period_start" DATE,
    "period_end" DATE,
    "renewal_count" INTEGER NOT NULL DEFAULT 0,
    "total_paid_fen" BIGINT NOT NULL DEFAULT 0,
    "last_renewal_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "month_cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_periods" (
    "id" SERIAL NOT NULL,
    "card_id" INTEGER NOT NULL,
    "renewal_id" INTEGER NOT NULL,
    "start_date" DATE,
    "end_date" DATE,

    CONSTRAINT "card_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wechat_syncs" (
    "id" SERIAL NOT NULL,
    "renewal_id" INTEGER NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'PENDING',
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "request_body" TEXT,
    "last_http_status" INTEGER,
    "last_code" TEXT,
    "last_error" TEXT,
    "synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wechat_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wechat_sync_attempts" (
    "id" SERIAL NOT NULL,
    "sync_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "host" TEXT,
    "http_status" INTEGER,
    "code" TEXT,
    "message" TEXT,
    "request_body" TEXT NOT NULL,
    "response_body" TEXT,
    "signature_check" TEXT,
    "outcome" "AttemptOutcome" NOT NULL,

    CONSTRAINT "wechat_sync_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rejected_callbacks" (
    "id" SERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "union_id" TEXT,
    "trade_no" TEXT,
    "body" TEXT NOT NULL,
    "body_bytes" INTEGER NOT NULL,
    "remote_addr" TEXT,

    CONSTRAINT "rejected_callbacks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "vendor_accounts_union_id_key" ON "vendor_accounts"("union_id");

-- CreateIndex
CREATE UNIQUE INDEX "parks_park_id_key" ON "parks"("park_id");

-- CreateIndex
CREATE UNIQUE INDEX "renewals_idempotency_key_key" ON "renewals"("idempotency_key");

-- CreateIndex
CREATE INDEX "renewals_booked_at_id_idx" ON "renewals"("booked_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "renewals_park_id_booked_at_id_idx" ON "renewals"("park_id", "booked_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "renewals_car_number_idx" ON "renewals"("car_number");

-- CreateIndex
CREATE INDEX "renewals_card_id_idx" ON "renewals"("card_id");

-- CreateIndex
CREATE INDEX "renewals_trade_no_idx" ON "renewals"("trade_no");

-- CreateIndex
CREATE INDEX "renewals_out_trade_no_idx" ON "renewals"("out_trade_no");

-- CreateIndex
CREATE INDEX "renewals_has_conflict_idx" ON "renewals"("has_conflict");

-- CreateIndex
CREATE INDEX "renewal_conflicts_renewal_id_idx" ON "renewal_conflicts"("renewal_id");

-- CreateIndex
CREATE UNIQUE INDEX "fee_entries_renewal_id_key" ON "fee_entries"("renewal_id");

-- CreateIndex
CREATE INDEX "fee_entries_booked_at_park_id_idx" ON "fee_entries"("booked_at", "park_id");

-- CreateIndex
CREATE INDEX "month_cards_period_end_idx" ON "month_cards"("period_end");

-- CreateIndex
CREATE INDEX "month_cards_car_number_idx" ON "month_cards"("car_number");

-- CreateIndex
CREATE UNIQUE INDEX "month_cards_park_id_card_key_key" ON "month_cards"("park_id", "card_key");

-- CreateIndex
CREATE UNIQUE INDEX "card_periods_renewal_id_key" ON "card_periods"("renewal_id");

-- CreateIndex
CREATE INDEX "card_periods_card_id_start_date_idx" ON "card_periods"("card_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "wechat_syncs_renewal_id_key" ON "wechat_syncs"("renewal_id");

-- CreateIndex
CREATE INDEX "wechat_syncs_status_next_attempt_at_idx" ON "wechat_syncs"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "wechat_syncs_last_code_idx" ON "wechat_syncs"("last_code");

-- CreateIndex
CREATE INDEX "wechat_sync_attempts_sync_id_started_at_idx" ON "wechat_sync_attempts"("sync_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at" DESC);

-- CreateIndex
CREATE INDEX "rejected_callbacks_received_at_idx" ON "rejected_callbacks"("received_at" DESC);

-- CreateIndex
CREATE INDEX "rejected_callbacks_union_id_received_at_idx" ON "rejected_callbacks"("union_id", "received_at");

-- AddForeignKey
ALTER TABLE "renewal_conflicts" ADD CONSTRAINT "renewal_conflicts_renewal_id_fkey" FOREIGN KEY ("renewal_id") REFERENCES "renewals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fee_entries" ADD CONSTRAINT "fee_entries_renewal_id_fkey" FOREIGN KEY ("renewal_id") REFERENCES "renewals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_periods" ADD CONSTRAINT "card_periods_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "month_cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_periods" ADD CONSTRAINT "card_periods_renewal_id_fkey" FOREIGN KEY ("renewal_id") REFERENCES "renewals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wechat_syncs" ADD CONSTRAINT "wechat_syncs_renewal_id_fkey" FOREIGN KEY ("renewal_id") REFERENCES "renewals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wechat_sync_attempts" ADD CONSTRAINT "wechat_sync_attempts_sync_id_fkey" FOREIGN KEY ("sync_id") REFERENCES "wechat_syncs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

