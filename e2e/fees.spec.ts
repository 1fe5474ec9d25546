// The fee report as an operator reconciles it: a mismatch flag (paid ≠ arrived + fee) opens the
// renewals behind it, and only those.
import { expect, test } from "@playwright/test";
import { signedNotice } from "./helpers/notices";

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

test("a mismatch flag on the fees page opens exactly the renewals behind it", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-FEES-${run}`;
  const day = at("2026-09-10T10:00:00+08:00");
  const sent = [
    { trade_no: `FEE-M1-${run}`, pay_company: 0, amount: "100.00", arrive_money: "90.00", fee: "1.00" }, // mismatch
    { trade_no: `FEE-M2-${run}`, pay_company: 0, amount: "50.00", arrive_money: "50.00", fee: "0.30" }, // mismatch
    { trade_no: `FEE-OK-${run}`, pay_company: 0, amount: "80.00", arrive_money: "79.50", fee: "0.50" },
    { trade_no: `FEE-AL-${run}`, pay_company: 1, amount: "60.00", arrive_money: "59.00", fee: "1.00" },
    { trade_no: `FEE-F0-${run}`, pay_company: 0, amount: "70.00", arrive_money: "1.00", fee: "0.00", state: 0 }, // failed: no fee entry
  ];
  for (const fields of sent) {
    const response = await request.post("/api/callbacks/bolink", { data: signedNotice({ park_id: park, pay_time: day, ...fields }) });
    expect(await response.json()).toEqual({ state: 1, trade_no: fields.trade_no });
  }

  await page.goto(`/fees?park=${park}&from=2026-09-01&to=2026-09-30`);
  await expect(page.getByLabel("车场")).toHaveValue(park);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3); // WeChat Pay, Alipay, the day's subtotal
  await expect(page.getByTestId("subtotal-2026-09-10")).toContainText("¥290.00");
  await expect(page.locator("tfoot")).toContainText("× 2");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/fees-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/fees-1440.png", fullPage: true });

  await rows.first().getByTestId("fee-mismatch").click();
  await expect(page).toHaveURL(/\/renewals\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ from: "2026-09-10", to: "2026-09-10", park, channel: "0", mismatch: "1" });
  await expect(page.getByLabel("仅金额不符")).toBeChecked();
  const listed = page.locator("tbody tr");
  await expect(listed).toHaveCount(2);
  await expect(page.locator("tbody")).toContainText(`FEE-M1-${run}`);
  await expect(page.locator("tbody")).toContainText(`FEE-M2-${run}`);
});
