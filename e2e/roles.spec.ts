// What a viewer sees: everything, but no resend, no pause and no admin pages.
import { expect, test } from "@playwright/test";

test("a viewer reads the WeChat sync page but has no resend or pause controls, and admin pages are refused", async ({ page, browser }) => {
  const name = `e2e-readonly-${Date.now()}`;
  await page.goto("/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(name);
  await form.getByLabel("密码").fill("viewer-password-123");
  await form.getByLabel("角色").selectOption("VIEWER");
  await form.getByRole("button", { name: "创建" }).click();
  await expect(form.getByRole("status")).toHaveText(`已创建用户 ${name}`);

  // The admin sees the controls on the same page…
  await page.goto("/sync");
  await expect(page.getByRole("button", { name: "暂停同步" }).or(page.getByRole("button", { name: "恢复同步" }))).toBeVisible();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await viewer.goto("/login");
  await viewer.getByLabel("用户名").fill(name);
  await viewer.getByLabel("密码").fill("viewer-password-123");
  await viewer.getByRole("button", { name: "登录" }).click();
  await expect(viewer.getByTestId("current-user")).toContainText("查看者");

  // …the viewer does not.
  await viewer.goto("/sync");
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("微信同步");
  await expect(viewer.getByRole("button", { name: /重新推送/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /暂停同步|恢复同步/ })).toHaveCount(0);
  await expect(viewer.getByRole("checkbox")).toHaveCount(0);
  await expect(viewer.getByRole("navigation").getByRole("link", { name: "用户" })).toHaveCount(0);

  await viewer.goto("/users");
  await expect(viewer.getByText("您没有访问此页面的权限。")).toBeVisible();
  await context.close();
});
