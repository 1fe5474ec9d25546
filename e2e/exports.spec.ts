// CSV exports as an operator opens them in Excel: ids kept as text, formulas neutralised, the
// filter in the file name — and a bad link answers a 400 saying why instead of a broken download.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { signedNotice } from "./helpers/notices";

const EXPORTS = ["/api/renewals/export", "/api/fees/export", "/api/syncs/export", "/api/cards/export", "/api/audit/export"];

test("an export with a bad parameter answers 400 JSON with the reason, never a download", async ({ request }) => {
  for (const path of EXPORTS) {
    const bad = path === "/api/cards/export" || path === "/api/audit/export" ? "after=2026-99-99~x" : "from=2026-99-99";
    const response = await request.get(`${path}?${bad}`);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["content-disposition"], path).toBeUndefined();
    expect(response.headers()["content-type"], path).toContain("application/json");
    const body = (await response.json()) as { error: string; invalid: string[] };
    expect(body.error, path).toMatch(/^导出参数无效：/);
    expect(body.invalid, path).toEqual([bad.split("=")[0]]);
  }
  const unknown = await request.get("/api/fees/export?by=day&plate=x");
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { unknown: string[] }).unknown).toEqual(["plate"]);
  // Each export answers a real CSV with good parameters.
  for (const path of EXPORTS) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-disposition"], path).toMatch(/^attachment; filename="[a-z]+_.*\.csv"; filename\*=UTF-8''/);
  }
});

test("the renewals CSV keeps a 28-digit trade number as text and neutralises a formula cell", async ({ page, request }) => {
  test.setTimeout(60_000);
  const tradeNo = `42${Date.now()}`.padEnd(28, "7"); // 28 digits: Excel would show 4.2E+27
  const park = '=HYPERLINK("http://x/","y")';
  const response = await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: tradeNo, park_id: park, card_id: "000123" }) });
  expect(await response.json()).toEqual({ state: 1, trade_no: tradeNo });

  await page.goto(`/renewals?q=${tradeNo}&from=2026-01-01`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^renewals_from-2026-01-01_q-${tradeNo}\\.csv$`));
  const csv = fs.readFileSync((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
  const [header, ...rows] = parse(csv.toString("utf8").slice(1)) as string[][];
  expect(rows).toHaveLength(1);
  const cell = (name: string) => rows[0][header.indexOf(name)];
  expect(cell("交易号")).toBe(`="${tradeNo}"`); // Excel shows the 28 digits, as text
  expect(cell("月卡")).toBe('="000123"'); // leading zeros kept
  expect(cell("车场")).toBe(`'${park}`); // text, never a formula
  expect(cell("金额")).toBe("88.00");
  for (const name of ["车场名称", "周期开始", "周期结束", "同步状态", "最近错误"]) expect(header).toContain(name);
});
