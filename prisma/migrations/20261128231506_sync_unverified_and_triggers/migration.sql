-- Accepted-but-unverified pushes (a 2xx whose signature could not be checked: never re-pushed by
-- itself), the last answer's signature check, and what triggered each attempt (issues 13, 15).
-- CreateEnum
CREATE TYPE "AttemptTrigger" AS ENUM ('WORKER', 'RESEND', 'FORCED_RESEND');

-- AlterEnum
ALTER TYPE "SyncStatus" ADD VALUE 'UNVERIFIED';

-- AlterEnum
ALTER TYPE "AttemptOutcome" ADD VALUE 'UNVERIFIED';

-- AlterTable
ALTER TABLE "wechat_syncs" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "confirmed_by" TEXT,
ADD COLUMN     "last_signature_check" TEXT,
ADD COLUMN     "round_requested_by" TEXT,
ADD COLUMN     "round_trigger" "AttemptTrigger" NOT NULL DEFAULT 'WORKER';

-- AlterTable
ALTER TABLE "wechat_sync_attempts" ADD COLUMN     "trigger" "AttemptTrigger" NOT NULL DEFAULT 'WORKER',
ADD COLUMN     "triggered_by" TEXT;

