// Runs after every other e2e test (project "secrets"): visits every page and API as admin and
// anonymously, then searches those answers and every line the server printed for secrets.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_METRICS_TOKEN, E2E_SERVER_LOG } from "../playwright.config";
import { anonymousRequest } from "./helpers/accounts";
import { appRoutes } from "./helpers/app-routes";
import { signedNotice, UKEY } from "./helpers/notices";

const dataDir = process.env.E2E_DATA_DIR!;

/** Name → what must never be shown, answered or logged. */
function secrets(): [string, string | RegExp][] {
  const pg = JSON.parse(fs.readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8")) as { password: string };
  const authSecret = fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
  for (const value of [pg.password, authSecret]) expect(value.length).toBeGreaterThanOrEqual(16);
  return [
    ["Bolink ukey", UKEY],
    ["Bolink ukey without its last 4 (the mask shows those)", UKEY.slice(0, -4)],
    ["vendor keys the admin tests set", /E2E(KEY|NEW)\d+(AB12|CD34)/],
    ["admin password", E2E_ADMIN.password],
    ["other test users' passwords", /(viewer|operator|role|throttle)-password-\d+/],
    ["password hashes", "$argon2"],
    ["AUTH_SECRET", authSecret],
    ["METRICS_TOKEN", E2E_METRICS_TOKEN],
    ["database password", pg.password],
    ["database password, URL-encoded", encodeURIComponent(pg.password)],
    ["a PEM private key (WeChat merchant key)", "PRIVATE KEY"],
  ];
}

function findings(sources: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of secrets()) {
    for (const [where, text] of sources) {
      const hit = typeof secret === "string" ? text.includes(secret) : secret.test(text);
      if (hit) found.push(`${name} in ${where}`);
    }
  }
  return found;
}

test("no secret in any page, API answer or server log line of the whole run", async ({ page, request, playwright, baseURL }) => {
  const sources = new Map<string, string>();
  const run = Date.now();

  // Traffic of our own on top of the suite's: a booking, a refusal, a wrong sign-in.
  const tradeNo = `AUDIT-${run}`;
  await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: tradeNo, card_id: `AUDIT-CARD-${run}`, start_time: "2026-11-01", end_time: "2026-11-30" }) });
  sources.set("callback answer (bad sign)", await (await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: "x" }).replace(/"sign":"\w+"/, '"sign":"00000000000000000000000000000000"') })).text());
  const ids = {
    renewal: /href="\/renewals\/(\d+)"/.exec(await (await request.get(`/renewals?q=${tradeNo}`)).text())?.[1],
    card: /href="\/cards\/(\d+)"/.exec(await (await request.get(`/cards?q=AUDIT-CARD-${run}`)).text())?.[1],
  };
  expect(ids.renewal && ids.card).toBeTruthy();

  const paths = appRoutes().flatMap((pattern) => {
    if (pattern === "/api/auth/[...nextauth]") return ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"];
    if (pattern === "/api/callbacks/bolink") return [];
    return [pattern.replace("/renewals/[id]", `/renewals/${ids.renewal}`).replace("/cards/[id]", `/cards/${ids.card}`)];
  });
  paths.push("/renewals/999999999", "/no-such-page", "/audit?action=vendor.create", "/audit?action=vendor.replace-key", "/rejected", "/api/me");
  const anonymous = await anonymousRequest(playwright, baseURL!);
  for (const url of paths) {
    // The server's HTML (with the React payload for client components) and the DOM Chromium builds.
    sources.set(`GET ${url} as admin`, await (await request.get(url)).text());
    sources.set(`GET ${url} anonymously`, await (await anonymous.get(url)).text());
    if (!url.startsWith("/api/")) {
      await page.goto(url);
      sources.set(`DOM of ${url}`, await page.content());
    }
  }
  const { csrfToken } = (await (await anonymous.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const wrong = await anonymous.post("/api/auth/callback/credentials", { form: { csrfToken, username: E2E_ADMIN.username, password: `${E2E_ADMIN.password}-wrong`, json: "true" } });
  sources.set("wrong sign-in answer", await wrong.text());
  await anonymous.dispose();

  const log = fs.readFileSync(E2E_SERVER_LOG, "utf8");
  // The capture works: it holds the banner and the suite's callbacks, one JSON line each.
  expect(log).toContain("Parking payment-sync console is up");
  expect(log.split("\n").filter((line) => line.includes('"msg":"bolink callback"')).length).toBeGreaterThan(10);
  sources.set("server log", log);
  // The password the admin typed wrong above is not the real one, but must not be logged either.
  expect(log).not.toContain(`${E2E_ADMIN.password}-wrong`);

  expect(findings(sources)).toEqual([]);
});
