// Admin pages against the production build: users, vendors (the key never reaches the browser),
// and rejected callbacks (hostile bodies shown as text). Names are unique per run.
import { expect, test } from "@playwright/test";

const UKEY = "A1B2C3D4E5F60718";

test("an admin creates a viewer on the Users page, sees it listed and audited, and cannot disable themself", async ({ page }) => {
  const name = `e2e-viewer-${Date.now()}`;
  await page.goto("/users");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(name);
  await form.getByLabel("密码").fill("viewer-password-123");
  await form.getByLabel("角色").selectOption("VIEWER");
  await form.getByRole("button", { name: "创建" }).click();
  await expect(form.getByRole("status")).toHaveText(`已创建用户 ${name}`);

  const row = page.getByTestId(`user-${name}`);
  await expect(row).toContainText("查看者");
  await expect(row).toContainText("启用");
  await expect(row).toContainText("从未");

  // Disabling asks first; cancelling changes nothing.
  await row.getByRole("button", { name: `停用 ${name}` }).click();
  const confirm = row.getByRole("group", { name: `确定停用 ${name}？停用后该账号立即无法登录。` });
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(row).not.toContainText("已停用");
  await row.getByRole("button", { name: `停用 ${name}` }).click();
  await confirm.getByRole("button", { name: "确定" }).click();
  await expect(row.getByRole("status")).toHaveText(`已停用 ${name}`);
  await expect(row).toContainText("已停用");

  // No role or disable controls on the admin's own row (the server refuses them too: tests/admin-actions.test.ts).
  const me = page.getByTestId("user-e2e-admin");
  await expect(me.getByTestId("own-row-note")).toHaveText("这是你自己的账号");
  await expect(me.getByRole("button", { name: /停用|启用|保存角色/ })).toHaveCount(0);
  await expect(me.getByRole("combobox")).toHaveCount(0);

  // The audit entry in words: the action's name and "角色: 查看者", not a code and JSON.
  await page.goto("/audit?action=user.create");
  const entry = page.locator("tbody tr").filter({ hasText: name });
  await expect(entry).toContainText("新建用户");
  await expect(entry).toContainText("角色: 查看者");
  await expect(entry).not.toContainText("user.create");
  await expect(entry).not.toContainText("{");
  await expect(page.locator("tbody")).not.toContainText("viewer-password-123");
});

test("the Vendors page shows vendor 100000 with a masked key, never the key, and the callback URL", async ({ page }) => {
  await page.goto("/vendors");
  const row = page.getByTestId("vendor-100000");
  await expect(row.getByTestId("key-mask")).toHaveText("••••••••0718");
  await expect(page.getByTestId("callback-url")).toHaveText(/^https?:\/\/[^/]+\/api\/callbacks\/bolink$/);
  expect(await page.content()).not.toContain(UKEY);
  // The server's HTML, including the React payload for the client components.
  const html = await (await page.request.get("/vendors")).text();
  expect(html).toContain("••••••••0718");
  expect(html).not.toContain(UKEY);
});

test("a new vendor's key is write-only: masked after create and after replace", async ({ page }) => {
  const unionId = `9${String(Date.now()).slice(-9)}`;
  const key = `E2EKEY${Date.now()}AB12`;
  const replacement = `E2ENEW${Date.now()}CD34`;
  await page.goto("/vendors");
  const form = page.getByRole("form", { name: "新建厂商" });
  await form.getByLabel("union_id").fill(unionId);
  await form.getByLabel("名称").fill(`E2E vendor ${unionId}`);
  await form.getByLabel("ukey（签名密钥）").fill(key);
  await form.getByRole("button", { name: "创建" }).click();
  await expect(form.getByRole("status")).toHaveText(`已创建厂商 ${unionId}`);
  const row = page.getByTestId(`vendor-${unionId}`);
  await expect(row.getByTestId("key-mask")).toHaveText("••••••••AB12");

  await row.getByText("更换密钥").click();
  const input = row.getByLabel(`${unionId} 的新密钥`);
  await expect(input).toHaveValue("");
  await input.fill(replacement);
  await row.getByRole("button", { name: "保存新密钥" }).click();
  await expect(row.getByRole("status")).toHaveText(`已更换 ${unionId} 的密钥`);
  await expect(row.getByTestId("key-mask")).toHaveText("••••••••CD34");
  await expect(input).toHaveValue("");
  const html = await (await page.request.get("/vendors")).text();
  expect(html).not.toContain(key);
  expect(html).not.toContain(replacement);
});

test("a garbage callback is listed on the Rejected page, its <script> body shown as text", async ({ page, request }) => {
  const marker = `e2e-xss-${Date.now()}`;
  const body = `<script>alert("${marker}")</script><img src=x onerror="alert('${marker}')">`;
  const response = await request.post("/api/callbacks/bolink", { data: body, headers: { "content-type": "text/plain" } });
  expect(await response.json()).toEqual({ state: 0, trade_no: "", errmsg: "malformed JSON" });

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/rejected");
  await page.getByLabel("原因").selectOption("malformed_json");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/reason=malformed_json/);

  const row = page.getByTestId("rejected-row").filter({ hasText: marker });
  await expect(row).toHaveCount(1);
  // The log keeps the reason code; the page shows the operator's text for it.
  await expect(row).toContainText("JSON 格式错误");
  await expect(row).toContainText(String(Buffer.byteLength(body)));
  await row.getByText("查看请求体").click();
  await expect(row.getByTestId("rejected-body")).toHaveText(body);
  await expect(row.locator("script, img")).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
