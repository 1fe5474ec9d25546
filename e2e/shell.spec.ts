import { expect, test } from "@playwright/test";

test("the shell is in Chinese by default and switches to English", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation");
  for (const label of ["概览", "续费记录", "月卡周期", "费用", "微信同步", "车场", "厂商", "用户", "审计"]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("概览");
  // No WECHATPAY_* in the test server: every page says syncs go to the bundled simulator.
  await expect(page.getByTestId("wechat-mode")).toHaveText("微信支付：本地模拟器");

  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await expect(page.getByTestId("wechat-mode")).toHaveText("WeChat Pay: local simulator");
  for (const label of ["Renewals", "Card periods", "Fees", "WeChat sync", "Parks", "Vendors", "Users", "Audit"]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  // The choice sticks across navigation.
  await nav.getByRole("link", { name: "Renewals" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renewals");

  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("续费记录");
});
