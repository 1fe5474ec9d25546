-- The fee report groups fee_entries by China-time day or month (lib/queries/fees.ts). Without
-- statistics on those expressions PostgreSQL guesses one group per row — a million at a million
-- entries — and plans a spilling single-process hash aggregate. With them it sees the real
-- ~10,000 groups and aggregates in parallel workers (bench: 2 years by month at 1M rows).
-- Prisma's schema cannot express statistics objects; `prisma migrate diff` leaves them alone.
CREATE STATISTICS fee_entries_china_day ON (date_trunc('day', booked_at AT TIME ZONE 'Asia/Shanghai')) FROM fee_entries;
CREATE STATISTICS fee_entries_china_month ON (date_trunc('month', booked_at AT TIME ZONE 'Asia/Shanghai')) FROM fee_entries;
