// Who gets what: every dashboard page and every route handler × anonymous, viewer, operator and
// admin, over real HTTP against the production server. The table must list every page.tsx and
// route.ts under app/, so a new route cannot ship without a decision here.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { anonymousRequest, createUser, signedInRequest } from "./helpers/accounts";
import { appRoutes } from "./helpers/app-routes";
import { signedNotice } from "./helpers/notices";

type Caller = "anonymous" | "VIEWER" | "OPERATOR" | "ADMIN";
const CALLERS: Caller[] = ["anonymous", "VIEWER", "OPERATOR", "ADMIN"];
type Outcome = "page" | "login" | "forbidden" | "home" | "json" | "csv" | "401" | "401 token" | "405" | "HTTP 403" | "HTTP 404";

const page = (role: "VIEWER" | "ADMIN") => (caller: Caller): Outcome =>
  caller === "anonymous" ? "login" : role === "ADMIN" && caller !== "ADMIN" ? "forbidden" : "page";
const api = (caller: Caller, ok: Outcome): Outcome => (caller === "anonymous" ? "401" : ok);
const anyone = (outcome: Outcome) => () => outcome;

/** Route pattern (as the file system spells it) → concrete request → expected outcome per caller. */
const ROUTES: Record<string, { path: (ids: Ids) => string; method?: "GET" | "POST"; body?: string; expect: (caller: Caller) => Outcome }> = {
  "/": { path: () => "/", expect: page("VIEWER") },
  "/renewals": { path: () => "/renewals", expect: page("VIEWER") },
  "/renewals/[id]": { path: (ids) => `/renewals/${ids.renewal}`, expect: page("VIEWER") },
  "/cards": { path: () => "/cards", expect: page("VIEWER") },
  "/cards/[id]": { path: (ids) => `/cards/${ids.card}`, expect: page("VIEWER") },
  "/fees": { path: () => "/fees", expect: page("VIEWER") },
  "/sync": { path: () => "/sync", expect: page("VIEWER") },
  "/sync/failures": { path: () => "/sync/failures", expect: page("VIEWER") },
  "/parks": { path: () => "/parks", expect: page("VIEWER") },
  "/rejected": { path: () => "/rejected", expect: page("VIEWER") },
  "/vendors": { path: () => "/vendors", expect: page("ADMIN") },
  "/users": { path: () => "/users", expect: page("ADMIN") },
  "/audit": { path: () => "/audit", expect: page("ADMIN") },
  "/alerts": { path: () => "/alerts", expect: page("ADMIN") },
  "/account": { path: () => "/account", expect: page("VIEWER") },
  "/login": { path: () => "/login", expect: (caller) => (caller === "anonymous" ? "page" : "home") },
  "/api/audit/export": { path: () => "/api/audit/export", expect: (caller) => (caller === "anonymous" ? "401" : caller === "ADMIN" ? "csv" : "HTTP 403") },
  // Only the bench switches it on (BENCH_EMPTY_ROUTE=on); everywhere else it is a 404 for anyone.
  "/api/bench/baseline-route": { path: () => "/api/bench/baseline-route", method: "POST", body: "{}", expect: anyone("HTTP 404") },
  "/api/bench/empty-route": { path: () => "/api/bench/empty-route", method: "POST", body: "{}", expect: anyone("HTTP 404") },
  "/api/cards/export": { path: () => "/api/cards/export", expect: (caller) => api(caller, "csv") },
  "/api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: anyone("json") },
  "/api/callbacks/bolink": { path: () => "/api/callbacks/bolink", method: "POST", body: "{}", expect: anyone("json") },
  "/api/fees/export": { path: () => "/api/fees/export", expect: (caller) => api(caller, "csv") },
  "/api/health": { path: () => "/api/health", expect: anyone("json") },
  "/api/me": { path: () => "/api/me", expect: (caller) => api(caller, "json") },
  // Guarded by METRICS_TOKEN, not by a session: no dashboard role may scrape it.
  "/api/metrics": { path: () => "/api/metrics", expect: anyone("401 token") },
  "/api/renewals/export": { path: () => "/api/renewals/export", expect: (caller) => api(caller, "csv") },
  "/api/syncs/export": { path: () => "/api/syncs/export", expect: (caller) => api(caller, "csv") },
};

type Ids = { renewal: number; card: number };

const run = Date.now();
const password = "role-password-123";
const users = { VIEWER: `e2e-acl-viewer-${run}`, OPERATOR: `e2e-acl-operator-${run}` };
const contexts = {} as Record<Caller, APIRequestContext>;
const ids = {} as Ids;

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  const admin = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
  for (const role of ["VIEWER", "OPERATOR"] as const) await createUser(admin, users[role], password, role);
  await admin.close();
  contexts.anonymous = await anonymousRequest(playwright, baseURL!);
  contexts.ADMIN = await signedInRequest(playwright, baseURL!, E2E_ADMIN.username, E2E_ADMIN.password);
  for (const role of ["VIEWER", "OPERATOR"] as const) contexts[role] = await signedInRequest(playwright, baseURL!, users[role], password);

  // A renewal and its card, for the detail pages.
  const tradeNo = `ACL-${run}`;
  const booked = await contexts.anonymous.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: tradeNo, card_id: `ACL-CARD-${run}`, start_time: "2026-11-01", end_time: "2026-11-30" }) });
  expect(await booked.json()).toEqual({ state: 1, trade_no: tradeNo });
  const list = await (await contexts.ADMIN.get(`/renewals?q=${tradeNo}`)).text();
  ids.renewal = Number(/href="\/renewals\/(\d+)"/.exec(list)?.[1]);
  const cards = await (await contexts.ADMIN.get(`/cards?q=ACL-CARD-${run}`)).text();
  ids.card = Number(/href="\/cards\/(\d+)"/.exec(cards)?.[1]);
  expect(ids.renewal).toBeGreaterThan(0);
  expect(ids.card).toBeGreaterThan(0);
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((context) => context.dispose()));
});

test("the table lists exactly the app's pages and route handlers", () => {
  expect(appRoutes()).toEqual(Object.keys(ROUTES).sort());
});

async function observe(response: APIResponse): Promise<Outcome> {
  const status = response.status();
  const type = response.headers()["content-type"] ?? "";
  const location = response.headers()["location"] ?? "";
  if (status >= 300 && status < 400) return /\/login$/.test(location) ? "login" : new URL(location, "http://x").pathname === "/" ? "home" : (`redirect ${location}` as Outcome);
  const body = await response.text();
  if (status === 401 && type.includes("application/json")) {
    const { error } = JSON.parse(body) as { error?: string };
    // "unauthenticated": no dashboard session; "unauthorized" (+ WWW-Authenticate): no bearer token.
    if (error === "unauthenticated") return "401";
    if (error === "unauthorized" && response.headers()["www-authenticate"]?.startsWith("Bearer")) return "401 token";
    return `401 ${body}` as Outcome;
  }
  if (status === 405) return "405";
  // The dashboard streams (loading.tsx), so a page's forbidden() comes after the 200 status line:
  // React sends it as the boundary's error digest and the browser renders app/forbidden.tsx.
  if (type.includes("text/html") && (body.includes('"NEXT_HTTP_ERROR_FALLBACK;403"') || body.includes(">403</h1>"))) {
    return status === 200 || status === 403 ? "forbidden" : (`HTTP ${status}` as Outcome);
  }
  if (status !== 200) return `HTTP ${status}` as Outcome;
  if (type.includes("application/json")) return "json";
  if (type.includes("text/csv")) return "csv";
  if (type.includes("text/html")) return "page";
  return `200 ${type}` as Outcome;
}

/** What an admin page shows only to admins: none of it may reach anyone else's HTML. */
const ADMIN_ONLY: Record<string, string> = {
  "/users": `data-testid="user-${E2E_ADMIN.username}"`,
  "/vendors": 'data-testid="vendor-100000"',
  "/audit": "user.bootstrap",
};

for (const [pattern, route] of Object.entries(ROUTES)) {
  test(`${pattern}: ${CALLERS.map((caller) => `${caller} → ${route.expect(caller)}`).join(", ")}`, async () => {
    const seen: Record<string, Outcome> = {};
    const wanted: Record<string, Outcome> = {};
    for (const caller of CALLERS) {
      const url = route.path(ids);
      const response =
        route.method === "POST"
          ? await contexts[caller].post(url, { data: route.body, maxRedirects: 0 })
          : await contexts[caller].get(url, { maxRedirects: 0 });
      seen[caller] = await observe(response);
      wanted[caller] = route.expect(caller);
      const secret = ADMIN_ONLY[pattern];
      if (secret) expect((await response.text()).includes(secret), `${caller} sees ${pattern}'s data`).toBe(caller === "ADMIN");
    }
    expect(seen).toEqual(wanted);
  });
}

test("in a browser, an operator opening an admin page sees the 403 page and none of its controls", async ({ browser }) => {
  const context = await browser.newContext({ storageState: await contexts.OPERATOR.storageState() });
  const operator = await context.newPage();
  for (const path of Object.keys(ADMIN_ONLY)) {
    await operator.goto(path);
    await expect(operator.getByText("您没有访问此页面的权限。")).toBeVisible();
    await expect(operator.getByRole("heading", { level: 1 })).toHaveText("403");
    await expect(operator.getByRole("form")).toHaveCount(0);
  }
  await context.close();
});
