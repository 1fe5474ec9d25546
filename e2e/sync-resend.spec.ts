// WeChat refuses a park's parking-lot id; the operator sees why, fixes the mapping and resends.
import { expect, test } from "@playwright/test";
import { E2E_SIM_URL } from "../playwright.config";
import { signedNotice } from "./helpers/notices";

const notice = (fields: Record<string, unknown>) => signedNotice({ car_number: "沪C00001", amount: "150.00", arrive_money: "150.00", ...fields });

test("a 400 from WeChat shows as failed with its message; an admin fixes the mapping, an operator resends it to success", async ({ page, request, browser }) => {
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

  // The resend is an operator's job.
  const operatorName = `e2e-operator-${run}`;
  await page.goto("/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(operatorName);
  await form.getByLabel("密码").fill("operator-password-123");
  await form.getByLabel("角色").selectOption("OPERATOR");
  await form.getByRole("button", { name: "创建" }).click();
  await expect(form.getByRole("status")).toHaveText(`已创建用户 ${operatorName}`);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const operator = await context.newPage();
  await operator.goto("/login");
  await operator.getByLabel("用户名").fill(operatorName);
  await operator.getByLabel("密码").fill("operator-password-123");
  await operator.getByRole("button", { name: "登录" }).click();
  await expect(operator.getByTestId("current-user")).toContainText("操作员");

  await operator.goto(`/sync?status=FAILED&park=${park}`);
  await expect(operator.getByRole("button", { name: /暂停同步|恢复同步/ })).toHaveCount(0); // pausing is for admins
  await operator.getByLabel("选择此行").check();
  await operator.getByRole("button", { name: /重新推送所选/ }).click();
  await expect(operator.getByRole("status").filter({ hasText: "已重新排队 1 条同步" })).toBeVisible();

  await operator.goto(`/renewals?q=${tradeNo}`);
  await operator.locator("tbody tr").first().getByRole("link", { name: /^详情/ }).click();
  await expect(operator).toHaveURL(/\/renewals\/\d+$/);
  await expect(async () => {
    await operator.reload();
    await expect(operator.getByTestId("attempts").locator("li").first()).toContainText("成功", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const attempts = operator.getByTestId("attempts").locator("li");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(1)).toContainText("wx_parking_lot_id 不存在");
  await expect(attempts.first()).toContainText("WX-ONBOARDED");
  // Each attempt says what triggered it: the worker's first push, then the operator's resend.
  await expect(attempts.first().getByTestId("attempt-trigger")).toHaveText(`${operatorName} 重新推送`);
  await expect(attempts.nth(1).getByTestId("attempt-trigger")).toHaveText("自动推送");
  await context.close();
});
