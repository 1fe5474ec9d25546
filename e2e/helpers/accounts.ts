// Users for role tests: made by the admin through the Users page, signed in over next-auth's HTTP API.
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import type { Role } from "../../lib/generated/prisma";

export async function createUser(adminPage: Page, username: string, password: string, role: Role) {
  await adminPage.goto("/users");
  const form = adminPage.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("密码").fill(password);
  await form.getByLabel("角色").selectOption(role);
  await form.getByRole("button", { name: "创建" }).click();
  await expect(form.getByRole("status")).toHaveText(`已创建用户 ${username}`);
}

/** Posts the credentials form as the login page's signIn() does; answers where next-auth sends the browser. */
export async function postCredentials(request: APIRequestContext, username: string, password: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  return ((await response.json()) as { url: string }).url;
}

/** A request context without cookies (contexts made in a test otherwise inherit the config's storageState). */
export function anonymousRequest(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string) {
  return playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

/** A request context holding a session for this user (checked through /api/me). */
export async function signedInRequest(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, username: string, password: string) {
  const request = await anonymousRequest(playwright, baseURL);
  await postCredentials(request, username, password);
  const me = await request.get("/api/me");
  expect(((await me.json()) as { user?: { username: string } }).user?.username, `${username} is signed in`).toBe(username);
  return request;
}
