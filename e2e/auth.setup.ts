// Signs in once as the bootstrap admin and saves the session for the other tests.
import { expect, test as setup } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

setup("sign in as the bootstrap admin", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(E2E_ADMIN.username);
  await page.getByLabel("密码").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.username);
  await page.context().storageState({ path: "e2e/.auth/admin.json" });
});
