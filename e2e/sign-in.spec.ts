import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a dashboard URL redirects to sign-in", async ({ page }) => {
    await page.goto("/renewals");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  });

  test("a dashboard API answers 401 JSON, not a page", async ({ request }) => {
    const response = await request.get("/api/me");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toEqual({ error: "unauthenticated" });
  });

  test("a wrong password is refused; the right one signs in; sign-out ends the session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(E2E_ADMIN.username);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
    await expect(page).toHaveURL(/\/login$/);

    await page.getByLabel("密码").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.username);
    expect((await page.request.get("/api/me")).status()).toBe(200);

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });
});
