// WeChat refuses a park's parking-lot id; the operator sees why, fixes the mapping and resends.
import { expect, test } from "@playwright/test";
import { signData } from "../lib/bolink/signature";
import { E2E_SIM_URL } from "../playwright.config";

function notice(fields: Record<string, unknown>) {
  const data = JSON.stringify({
    out_trade_no: `O-${fields.trade_no}`,
    car_number: "沪C00001",
    amount: "150.00",
    arrive_money: "150.00",
    fee: "0.00",
    state: 1,
    pay_time: 1_793_000_000,
    account_type: 1,
    remark: "月卡续费",
    ...fields,
  });
  return `{"union_id":100000,"sign":"${signData(data, "A1B2C3D4E5F60718")}","data":${data}}`;
}

test("a 400 from WeChat shows as failed with its message; fixing the mapping and resending syncs it", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-LOT-${run}`;
  await request.post(`${E2E_SIM_URL}/__sim/unknown-lots`, { data: { ids: ["WX-NOT-ONBOARDED"] } });

  // A failed-payment notice makes the park known without pushing anything.
  await request.post("/api/callbacks/bolink", { data: notice({ trade_no: `F-${run}`, park_id: park, state: 0 }) });
  await page.goto(`/parks?q=${park}`);
  const row = page.getByTestId(`park-row-${park}`);
  await row.getByLabel(`微信停车场 ID ${park}`).fill("WX-NOT-ONBOARDED");
  await row.getByRole("button", { name: `保存 ${park}` }).click();
  await expect(row.getByRole("status")).toHaveText("已保存");

  const tradeNo = `P-${run}`;
  expect(await (await request.post("/api/callbacks/bolink", { data: notice({ trade_no: tradeNo, park_id: park }) })).json()).toEqual({
    state: 1,
    trade_no: tradeNo,
  });

  await page.goto(`/sync?status=FAILED&park=${park}`);
  await expect(async () => {
    await page.reload();
    await expect(page.locator("tbody tr")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator("tbody tr").first()).toContainText("PARAM_ERROR");
  await expect(page.locator("tbody tr").first()).toContainText("wx_parking_lot_id 不存在");

  await page.goto(`/parks?q=${park}`);
  await row.getByLabel(`微信停车场 ID ${park}`).fill("WX-ONBOARDED");
  await row.getByRole("button", { name: `保存 ${park}` }).click();
  await expect(row.getByRole("status")).toHaveText("已保存");

  await page.goto(`/sync?status=FAILED&park=${park}`);
  await page.getByLabel("选择此行").check();
  await page.getByRole("button", { name: /重新推送所选/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "已重新排队 1 条同步" })).toBeVisible();

  await page.goto(`/renewals?q=${tradeNo}`);
  await page.locator("tbody tr").first().getByRole("link", { name: /^详情/ }).click();
  await expect(page).toHaveURL(/\/renewals\/\d+$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("attempts").locator("li").first()).toContainText("成功", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const attempts = page.getByTestId("attempts").locator("li");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(1)).toContainText("wx_parking_lot_id 不存在");
  await expect(attempts.first()).toContainText("WX-ONBOARDED");
});
