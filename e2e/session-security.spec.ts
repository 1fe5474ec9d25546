// Session cookies, security headers and sign-in throttling, over real HTTP against the production server.
import { expect, test, type APIResponse } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { anonymousRequest, createUser, postCredentials } from "./helpers/accounts";
import { signedNotice } from "./helpers/notices";

test.describe("session cookie", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("signing in through the form sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain http)", async ({ page, context }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill(E2E_ADMIN.username);
    await page.getByLabel("密码").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.username);
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ name: "next-auth.session-token", httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    // Scripts in the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });

  test("a client claiming X-Forwarded-Proto: https is not a trusted proxy: the cookie stays as for http", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" },
    });
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: E2E_ADMIN.username, password: E2E_ADMIN.password, json: "true" },
    });
    const setCookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    const session = setCookies.find((line) => line.includes("next-auth.session-token="));
    expect(session).toMatch(/^next-auth\.session-token=/);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
    // next-auth built its URLs from the real host, not the claimed one.
    expect(((await response.json()) as { url: string }).url).not.toContain("evil.example");
    await request.dispose();
  });
});

test.describe("security headers", () => {
  const HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": expect.stringContaining("camera=()"),
  };
  const CSP = ["default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"];

  const cases: [string, (r: import("@playwright/test").APIRequestContext) => Promise<APIResponse>][] = [
    ["the sign-in page", (r) => r.get("/login")],
    ["a dashboard page", (r) => r.get("/renewals")],
    ["a redirect to sign-in", (r) => r.get("/renewals", { maxRedirects: 0 })],
    ["a 404", (r) => r.get("/no-such-page")],
    ["an API answer", (r) => r.get("/api/me")],
    ["a 401 API answer", (r) => r.get("/api/me", { headers: { cookie: "" } })],
    ["the health check", (r) => r.get("/api/health")],
    ["a CSV export", (r) => r.get("/api/renewals/export")],
    ["the callback's answer", (r) => r.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: `HDR-${Date.now()}` }) })],
    ["the callback's refusal", (r) => r.post("/api/callbacks/bolink", { data: Buffer.from("<html>") })],
  ];

  for (const [name, call] of cases) {
    test(`on ${name}`, async ({ request }) => {
      const response = await call(request);
      expect(response.status()).toBeLessThan(500);
      const headers = response.headers();
      expect(headers).toMatchObject(HEADERS);
      for (const directive of CSP) expect(headers["content-security-policy"]).toContain(directive);
      expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
      const scriptSrc = headers["content-security-policy"].split("; ").find((d) => d.startsWith("script-src "));
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(headers["strict-transport-security"], "no HSTS on a plain-http console").toBeUndefined();
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }
});

test("pages get a fresh CSP nonce on every request, and every inline script carries it", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/renewals");
    const csp = response.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the production pages run under the CSP: signing in and clicking through reports no violation", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto("/login");
  await page.getByLabel("用户名").fill(E2E_ADMIN.username);
  await page.getByLabel("密码").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.username);
  for (const link of ["续费记录", "微信同步", "用户"]) {
    await page.getByRole("navigation").getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByTestId("current-user")).toContainText("Signed in as");
  await page.getByLabel("Language").selectOption("zh-CN");
  // Any violation means a script or resource the policy broke (zod's eval probe is off in the browser).
  expect(violations).toEqual([]);
  await context.close();
});

test("health details (versions, queue) for a signed-in admin; the status only for anyone else", async ({ request, playwright, baseURL }) => {
  expect(await (await request.get("/api/health")).json()).toMatchObject({ status: "ok", version: expect.any(String), queue: expect.anything() });
  const anonymous = await anonymousRequest(playwright, baseURL!);
  expect(await (await anonymous.get("/api/health")).json()).toEqual({ status: "ok" });
  await anonymous.dispose();
});

test("five wrong passwords hold that account back from this address: the sixth try fails even with the right password", async ({ page, browser, playwright, baseURL }) => {
  const username = `e2e-throttle-${Date.now()}`;
  const password = "throttle-password-1";
  await createUser(page, username, password, "VIEWER");

  const client = await anonymousRequest(playwright, baseURL!);
  for (let i = 0; i < 5; i++) expect(await postCredentials(client, username, `wrong-password-${i}`)).toContain("error=CredentialsSignin");
  expect(await postCredentials(client, username, password)).toContain("error=Throttled");
  expect((await client.get("/api/me")).status()).toBe(401);
  await client.dispose();

  // The sign-in form says why; another account is unaffected.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await context.newPage();
  await login.goto("/login");
  await login.getByLabel("用户名").fill(username);
  await login.getByLabel("密码").fill(password);
  await login.getByRole("button", { name: "登录" }).click();
  await expect(login.locator("form").getByRole("alert")).toHaveText("从此处登录失败次数过多，请稍后再试");
  await expect(login).toHaveURL(/\/login$/);
  await context.close();

  const other = await anonymousRequest(playwright, baseURL!);
  expect(await postCredentials(other, E2E_ADMIN.username, E2E_ADMIN.password)).not.toContain("error=");
  expect((await other.get("/api/me")).status()).toBe(200);
  await other.dispose();
});

test.describe("ended sessions", () => {
  /** A browser context holding a copy of `from`'s cookies: what someone who stole them has. */
  async function thief(browser: import("@playwright/test").Browser, from: import("@playwright/test").BrowserContext) {
    const context = await browser.newContext({ storageState: { cookies: await from.cookies(), origins: [] } });
    return context;
  }

  async function signInInBrowser(browser: import("@playwright/test").Browser, username: string, password: string) {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toContainText(username);
    return { context, page };
  }

  test("a stolen session cookie is refused after the password reset, on pages, APIs and next-auth's refresh", async ({ page, browser }) => {
    const username = `e2e-stolen-${Date.now()}`;
    await createUser(page, username, "stolen-password-1", "OPERATOR");
    const victim = await signInInBrowser(browser, username, "stolen-password-1");
    const stolen = await thief(browser, victim.context);
    expect((await stolen.request.get("/api/me")).status()).toBe(200);

    // The admin resets the password on the Users page.
    await page.goto("/users");
    const row = page.getByTestId(`user-${username}`);
    await row.getByText("重置密码").click();
    await row.getByLabel(`${username} 的新密码`).fill("reset-password-12");
    await row.getByRole("button", { name: "设置新密码" }).click();
    await expect(row.getByRole("status")).toHaveText(`已为 ${username} 设置新密码`);

    expect((await stolen.request.get("/api/me")).status()).toBe(401);
    const refreshed = await stolen.request.get("/api/auth/session");
    expect(await refreshed.json()).toEqual({});
    const thiefPage = await stolen.newPage();
    await thiefPage.goto("/renewals");
    await expect(thiefPage).toHaveURL(/\/login$/);
    // The victim's own browser is signed out too; the new password works.
    await victim.page.goto("/renewals");
    await expect(victim.page).toHaveURL(/\/login$/);
    const again = await signInInBrowser(browser, username, "reset-password-12");
    await Promise.all([stolen.close(), victim.context.close(), again.context.close()]);
  });

  test("changing one's own password keeps this session and ends the others; sign out everywhere ends all", async ({ page, browser }) => {
    const username = `e2e-own-${Date.now()}`;
    await createUser(page, username, "own-password-123", "VIEWER");
    const me = await signInInBrowser(browser, username, "own-password-123");
    const elsewhere = await signInInBrowser(browser, username, "own-password-123");

    await me.page.getByTestId("current-user").getByRole("link", { name: username }).click();
    await expect(me.page).toHaveURL(/\/account$/);
    const form = me.page.getByRole("form", { name: "修改密码" });
    await form.getByLabel("当前密码").fill("wrong-password-1");
    await form.getByLabel("新密码", { exact: true }).fill("own-password-456");
    await form.getByLabel("再次输入新密码").fill("own-password-456");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByRole("status")).toHaveText("当前密码错误");
    await form.getByLabel("当前密码").fill("own-password-123");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(form.getByRole("status")).toHaveText("密码已修改，其他登录已全部退出");

    await me.page.goto("/renewals");
    await expect(me.page.getByTestId("current-user")).toContainText(username);
    expect((await elsewhere.context.request.get("/api/me")).status()).toBe(401);

    await me.page.goto("/account");
    await me.page.getByRole("button", { name: "退出所有登录" }).click();
    await expect(me.page).toHaveURL(/\/login$/);
    await me.page.goto("/renewals");
    await expect(me.page).toHaveURL(/\/login$/);
    await Promise.all([me.context.close(), elsewhere.context.close()]);
  });
});
