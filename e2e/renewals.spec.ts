// An operator's daily look: renewals filtered by park and date, a detail page with its WeChat attempts.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signData } from "../lib/bolink/signature";

const UKEY = "A1B2C3D4E5F60718";

function notice(fields: Record<string, unknown>) {
  const data = JSON.stringify({
    out_trade_no: `O-${fields.trade_no}`,
    card_id: `CARD-${fields.trade_no}`,
    car_number: "粤B12345",
    amount: "300.00",
    arrive_money: "299.00",
    fee: "1.00",
    state: 1,
    account_type: 1,
    pay_company: 0,
    remark: "月卡续费",
    start_time: "2026-10-01",
    end_time: "2026-10-31",
    ...fields,
  });
  return `{"union_id":100000,"sign":"${signData(data, UKEY)}","data":${data}}`;
}

test("filter renewals by park and date, open one, see its WeChat attempt", async ({ page, request }) => {
  const run = Date.now();
  // 2026-10-05 10:00 and 2026-10-20 10:00 China time, at two parks.
  const sent = [
    { trade_no: `E2E-A-${run}`, park_id: "E2E-PARK-A", pay_time: 1_791_165_600 },
    { trade_no: `E2E-B-${run}`, park_id: "E2E-PARK-B", pay_time: 1_791_165_600 },
    { trade_no: `E2E-C-${run}`, park_id: "E2E-PARK-A", pay_time: 1_792_461_600 },
  ];
  for (const fields of sent) {
    const response = await request.post("/api/callbacks/bolink", { data: notice(fields) });
    expect(await response.json()).toEqual({ state: 1, trade_no: fields.trade_no });
  }

  await page.goto("/renewals");
  await page.getByLabel("车场").selectOption("E2E-PARK-A");
  await page.getByLabel("开始日期").fill("2026-10-01");
  await page.getByLabel("结束日期").fill("2026-10-10");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/park=E2E-PARK-A/);
  await expect(page).toHaveURL(/from=2026-10-01/);

  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`E2E-A-${run}`);
  await expect(rows.first()).toContainText("2026-10-05 10:00:00");
  await expect(rows.first()).toContainText("¥300.00");

  // Sorting keeps the filters and lives in the URL too.
  await page.goto(`/renewals?park=E2E-PARK-A&from=2026-10-01&to=2026-10-31`);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`E2E-C-${run}`); // newest first
  await page.getByRole("link", { name: /^支付时间/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(page).toHaveURL(/park=E2E-PARK-A/);
  await expect(rows.first()).toContainText(`E2E-A-${run}`);
  await page.goBack();
  await expect(rows.first()).toContainText(`E2E-C-${run}`);
  await page.goto(`/renewals?park=E2E-PARK-A&from=2026-10-01&to=2026-10-10`);

  // The export holds exactly the filtered rows, UTF-8 with a BOM so Excel reads the Chinese.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain("支付时间");
  expect(lines[1]).toContain(`E2E-A-${run}`);
  expect(lines[1]).toContain("300.00");

  await rows.first().getByRole("link", { name: /^详情/ }).click();
  await expect(page).toHaveURL(/\/renewals\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("续费详情");
  await expect(page.getByTestId("raw-body")).toContainText(`E2E-A-${run}`);
  // The in-process simulator accepts it within moments; the attempt shows a verified 204.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("attempts")).toContainText("成功", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("attempts")).toContainText("HTTP 状态 204");
  await expect(page.getByTestId("attempts")).toContainText("应答签名 已验证");
});
