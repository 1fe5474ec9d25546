// Hostile callbacks over real HTTP against the production server, and what the dashboard shows
// of a signed notice full of markup: the text, literally, and nothing that runs.
import { expect, test } from "@playwright/test";
import { noticeData, signedNotice, signedRaw } from "./helpers/notices";

test.describe("hostile bodies at /api/callbacks/bolink", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  const TEN_MB = 10 * 1024 * 1024;
  const bodies: [string, () => Buffer | string, Record<string, string>, string][] = [
    ["10 MB of JSON", () => `{"data":"${"x".repeat(TEN_MB)}"}`, { "content-type": "application/json" }, "body too large"],
    ["10 MB of random bytes", () => Buffer.from(Array.from({ length: TEN_MB }, (_, i) => (i * 7919) % 251)), { "content-type": "application/octet-stream" }, "body too large"],
    ["invalid UTF-8", () => Buffer.from([0x7b, 0x22, 0x64, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]), { "content-type": "application/json" }, "body is not valid UTF-8"],
    ["60,000 levels of arrays", () => `${"[".repeat(30_000)}${"]".repeat(30_000)}`, { "content-type": "application/json" }, "body is not a JSON object"],
    ["a signed notice with attach 10,000 levels deep", () => signedRaw(noticeData({ trade_no: `DEEP-${Date.now()}` }).replace(/}$/, `,"attach":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`)), {}, "invalid field data.attach: nested too deeply"],
    ["a form post", () => "union_id=100000&sign=x&data=%7B%7D", { "content-type": "application/x-www-form-urlencoded" }, "malformed JSON"],
    ["a lone NUL", () => "\u0000", { "content-type": "text/plain" }, "malformed JSON"],
    ["SQL in place of JSON", () => "'; DROP TABLE renewals; --", { "content-type": "application/json" }, "malformed JSON"],
  ];

  for (const [name, make, headers, reason] of bodies) {
    test(`${name} is answered JSON state 0 (${reason}), never a 5xx`, async ({ request }) => {
      // A Buffer is sent as is (Playwright would JSON-encode a string sent as application/json).
      const response = await request.post("/api/callbacks/bolink", { data: Buffer.from(make()), headers });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(await response.json()).toMatchObject({ state: 0, errmsg: reason });
    });
  }

  test("other methods are refused without a 5xx and without booking", async ({ request }) => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"] as const) {
      const response = await request.fetch("/api/callbacks/bolink", { method, data: method === "GET" ? undefined : "{}" });
      expect(response.status(), method).toBe(405);
    }
  });
});

test("a signed notice full of markup is shown as text on every page that lists it; nothing runs", async ({ page, request }) => {
  const run = Date.now();
  const xss = (tag: string) => `<script>alert("${tag}")</script><img src=x onerror=alert("${tag}")></pre></script><svg onload=alert("${tag}")>`;
  const fields = {
    trade_no: `XSS-${run}<b>`,
    park_id: `P<i>${run}`,
    card_id: `<img src=x onerror=alert(1)>${run}`,
    car_number: `<svg onload=alert(1)>`,
    remark: xss("remark"),
    attach: { "<script>alert('key')</script>": xss("attach") },
    "x-<iframe src=javascript:alert(1)>": xss("extra"),
    start_time: "2026-11-01",
    end_time: "2026-11-30",
  };
  const response = await request.post("/api/callbacks/bolink", { data: signedNotice(fields) });
  expect(await response.json()).toEqual({ state: 1, trade_no: fields.trade_no });

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const noInjectedElements = async () => {
    await expect(page.locator("[onerror], [onload], iframe, img[src='x']")).toHaveCount(0);
    const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ""));
    // Next's inline scripts carry the data as JSON strings, with "<" escaped so nothing closes them.
    expect(scripts.filter((text) => text.includes('<script>alert("'))).toEqual([]);
  };

  await page.goto(`/renewals?q=${encodeURIComponent(fields.trade_no)}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText(fields.car_number);
  await noInjectedElements();

  await page.locator("tbody tr").first().getByRole("link", { name: /^详情/ }).click();
  await expect(page).toHaveURL(/\/renewals\/\d+$/);
  const detail = page.locator("main");
  for (const text of [fields.trade_no, fields.park_id, fields.card_id, fields.car_number, fields.remark]) {
    await expect(detail.getByText(text, { exact: true }).first()).toBeVisible();
  }
  await expect(detail).toContainText(JSON.stringify(fields.attach));
  // The raw body as received: JSON text, so quotes inside values stay escaped.
  await expect(page.getByTestId("raw-body")).toContainText(JSON.stringify(fields.remark));
  await noInjectedElements();

  await page.goto(`/cards?q=${encodeURIComponent(fields.card_id)}`);
  await expect(page.locator("tbody")).toContainText(fields.card_id);
  await noInjectedElements();
  await page.locator("tbody tr").first().getByRole("link").last().click();
  await expect(page).toHaveURL(/\/cards\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(fields.card_id);
  await noInjectedElements();

  for (const path of ["/", `/sync?park=${encodeURIComponent(fields.park_id)}`, `/fees?park=${encodeURIComponent(fields.park_id)}`, `/parks?q=${encodeURIComponent(fields.park_id)}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await noInjectedElements();
  }
  await expect(page.locator("main")).toContainText(fields.park_id);
  // Dialogs open synchronously while a page parses and runs its scripts; every page above has loaded.
  expect(dialogs).toEqual([]);
});
