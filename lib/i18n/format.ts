// Operators read times in China time and money as ¥0.00, whatever the browser's settings.
export const TIME_ZONE = "Asia/Shanghai";

const money = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatFen(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return "—";
  const value = BigInt(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}¥${money.format(Number(abs / 100n) + Number(abs % 100n) / 100)}`;
}

const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "2026-11-22 18:04:05" in Asia/Shanghai. */
export function formatDateTime(date: Date | null | undefined): string {
  return date ? dateTime.format(date) : "—";
}
