// Pausing WeChat syncing stops every push, so it asks first and then says so on every page.
import { expect, test } from "@playwright/test";
import { LIST_PAGES } from "./helpers/pages";

test("pausing asks for confirmation, then every page's header shows 已暂停 and the mode badge is not green", async ({ page }) => {
  await page.goto("/sync");
  await expect(page.getByTestId("sync-paused")).toHaveCount(0);
  await page.getByRole("button", { name: "暂停同步" }).click();
  const confirm = page.getByRole("group", { name: "确定暂停微信同步？暂停期间不会推送任何续费。" });
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(page.getByTestId("sync-paused")).toHaveCount(0);

  await page.getByRole("button", { name: "暂停同步" }).click();
  await confirm.getByRole("button", { name: "确定" }).click();
  try {
    await expect(page.getByTestId("sync-paused")).toHaveText("已暂停");
    for (const path of LIST_PAGES) {
      await page.goto(path);
      await expect(page.getByTestId("sync-paused"), path).toHaveText("已暂停");
      await expect(page.getByTestId("wechat-mode"), path).toHaveAttribute("data-paused", "true");
      await expect(page.getByTestId("wechat-mode"), path).not.toHaveClass(/emerald/);
    }
    await page.getByTestId("sync-paused").click();
    await expect(page).toHaveURL(/\/sync$/);
    // Resuming needs no confirmation: it only lets the held syncs go.
    await page.getByRole("button", { name: "恢复同步" }).click();
    await expect(page.getByTestId("sync-paused")).toHaveCount(0);
  } finally {
    // Never leave the shared e2e server paused for the specs after this one.
    if (await page.getByRole("button", { name: "恢复同步" }).isVisible()) await page.getByRole("button", { name: "恢复同步" }).click();
  }
});
