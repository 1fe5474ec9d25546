// Every list page on the one kit: bad URLs give a notice and a working page, unknown ids a real
// 404, search finds partial plates in any case, sorting and status cards keep the other filters.
import { expect, test, type APIRequestContext as APIRequest, type Page } from "@playwright/test";
import { signedNotice } from "./helpers/notices";
import { seedWideRows } from "./helpers/pages";

// A production server on a shared machine: page loads can take seconds each.
test.describe.configure({ timeout: 120_000 });

// Grows as each list moves onto the kit.
const LISTS = ["/renewals", "/sync", "/cards", "/parks", "/users", "/vendors", "/audit", "/rejected"];

for (const list of LISTS) {
  test(`${list}: invalid and unknown parameters are dropped with a notice naming them and a way back`, async ({ page }) => {
    const response = await page.goto(`${list}?from=2026-99-99&park=%00&sort=nope&bogus=1`);
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId("list-notice");
    await expect(notice).toContainText("已忽略无效或未知的参数");
    await expect(notice).toContainText("bogus");
    await expect(notice).toContainText("sort");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("table")).toBeVisible();
    await notice.getByRole("link", { name: "清除筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`${list}\\??$`));
    await expect(page.getByTestId("list-notice")).toHaveCount(0);
  });
}

test("unknown ids answer a real 404 status", async ({ request }) => {
  for (const url of ["/renewals/99999999", "/renewals/abc", "/cards/99999999"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).toContain("404");
  }
});

test("search finds a plate from a partial, lowercase text, with or without its province", async ({ page, request }) => {
  const run = Date.now();
  const digits = String(run).slice(-5);
  const plate = `鄂D${digits}`;
  const tradeNo = `E2E-PLATE-${run}`;
  expect(await (await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: tradeNo, car_number: plate }) })).json()).toEqual({ state: 1, trade_no: tradeNo });
  for (const q of [`d${digits}`, digits, `鄂d${digits}`, `plate-${run}`.toLowerCase()]) {
    await page.goto(`/renewals?q=${encodeURIComponent(q)}`);
    await expect(page.getByLabel("车牌 / 月卡 / 交易号 / 订单号")).toHaveValue(q);
    await expect(page.locator("tbody tr").filter({ hasText: plate }), q).toHaveCount(1);
  }
});

test("sort by amount, both ways, keeping the park filter", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-SORT-${run}`;
  for (const [i, amount] of ["20.00", "300.00", "1.00"].entries()) {
    const trade = `E2E-SORT-${run}-${i}`;
    await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: trade, park_id: park, amount, arrive_money: amount }) });
  }
  await page.goto(`/renewals?park=${park}`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("list-totals")).toContainText("共 3 条");
  await expect(page.getByTestId("list-totals")).toContainText("¥321.00");
  await page.getByRole("link", { name: /^金额/ }).click();
  await expect(page).toHaveURL(/sort=amount&dir=desc/);
  await expect(page).toHaveURL(new RegExp(`park=${park}`));
  await expect(rows.first()).toContainText("¥300.00");
  await expect(rows.last()).toContainText("¥1.00");
  await page.getByRole("link", { name: /^金额/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(rows.first()).toContainText("¥1.00");
  await expect(page.getByRole("form", { name: "筛选" }).getByLabel("车场")).toHaveValue(park);
});

/** A paid renewal of 0 yuan: WeChat needs at least 1 fen, so its sync fails at once, without a call. */
async function failedSync(request: APIRequest, page: Page, fields: { trade_no: string; park_id: string; car_number: string; pay_time?: number }) {
  expect(await (await request.post("/api/callbacks/bolink", { data: signedNotice({ ...fields, amount: "0.00", arrive_money: "0.00" }) })).json()).toEqual({
    state: 1,
    trade_no: fields.trade_no,
  });
  await expect(async () => {
    await page.goto(`/sync?status=FAILED&q=${fields.trade_no}`);
    await expect(page.locator("tbody tr").filter({ hasText: fields.car_number })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test("on 微信同步 the 失败 card sets the status filter, is marked current and survives a park filter; a row expands to its whole error and resends", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-SYNC-${run}`;
  await failedSync(request, page, { trade_no: `E2E-SF-${run}-A`, park_id: park, car_number: "沪A10001" });
  await failedSync(request, page, { trade_no: `E2E-SF-${run}-B`, park_id: `${park}-OTHER`, car_number: "沪A10002" });

  await page.goto("/sync");
  await page.getByTestId("count-FAILED").click();
  await expect(page).toHaveURL(/\/sync\?status=FAILED$/);
  const filters = page.getByRole("form", { name: "筛选" });
  await expect(filters.getByLabel("同步状态")).toHaveValue("FAILED");
  await expect(page.getByTestId("count-FAILED")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("count-PENDING")).not.toHaveAttribute("aria-current", "true");

  await filters.getByLabel("车场").selectOption(park);
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`status=FAILED.*park=${park}|park=${park}.*status=FAILED`));
  await expect(filters.getByLabel("同步状态")).toHaveValue("FAILED");
  await expect(page.getByTestId("count-FAILED")).toHaveAttribute("aria-current", "true");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("沪A10001");
  // Stored as "cannot map: WeChat Pay needs …"; read in Chinese.
  await expect(rows.first()).toContainText("无法生成推送内容：微信支付要求金额至少 1 分");

  // The card keeps the park when it changes the status.
  await page.getByTestId("count-SYNCED").click();
  await expect(page).toHaveURL(new RegExp(`park=${park}`));
  await expect(filters.getByLabel("同步状态")).toHaveValue("SYNCED");
  await expect(rows).toHaveCount(1); // the empty-list row
  await expect(rows.first()).toContainText("没有符合条件的记录");
  await page.getByTestId("count-FAILED").click();

  // Expand: the whole error and what started this round; the timeline link opens the renewal.
  await page.getByRole("button", { name: `展开 E2E-SF-${run}-A` }).click();
  await expect(page.getByTestId("sync-full-error")).toHaveText("无法生成推送内容：微信支付要求金额至少 1 分");
  await expect(page.getByTestId("sync-round-trigger")).toHaveText("自动推送");

  // At the booth: the expanded row stays inside a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth }));
  expect(width.scroll).toBeLessThanOrEqual(width.client);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Resend from the row: the new round says who started it (it fails again: the amount is still 0).
  await rows.first().getByRole("button", { name: "重新推送" }).click();
  await expect(async () => {
    await page.reload();
    await page.getByRole("button", { name: `展开 E2E-SF-${run}-A` }).click({ timeout: 1000 });
    await expect(page.getByTestId("sync-round-trigger")).toHaveText("e2e-admin 重新推送", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: "查看全部尝试记录" }).click();
  await expect(page).toHaveURL(/\/renewals\/\d+#attempts$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("续费详情");
  await expect(page.locator("#attempts")).toContainText("无法生成推送内容：微信支付要求金额至少 1 分");
});

test("the sync list sorts by last attempt (newest first by default, then oldest) and by pay time, keeping its filters", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-SYNCSORT-${run}`;
  await failedSync(request, page, { trade_no: `E2E-SS-${run}-1`, park_id: park, car_number: "沪B00001", pay_time: 1_793_000_900 });
  await failedSync(request, page, { trade_no: `E2E-SS-${run}-2`, park_id: park, car_number: "沪B00002", pay_time: 1_793_000_000 });

  await page.goto(`/sync?park=${park}&status=FAILED`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  // Failed second, shown first.
  await expect(rows.first()).toContainText("沪B00002");
  await expect(page.getByRole("columnheader", { name: /最近尝试/ })).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("link", { name: /^最近尝试/ }).click();
  await expect(page).toHaveURL(/sort=lastAttempt&dir=asc/);
  await expect(page).toHaveURL(new RegExp(`park=${park}`));
  await expect(rows.first()).toContainText("沪B00001");
  await page.getByRole("link", { name: /^支付时间/ }).click();
  await expect(page).toHaveURL(/sort=payTime&dir=desc/);
  await expect(rows.first()).toContainText("沪B00001");
  await expect(page.getByRole("form", { name: "筛选" }).getByLabel("同步状态")).toHaveValue("FAILED");
  // Page size is a choice, kept with the sort.
  await page.getByLabel("每页条数").selectOption("25");
  await expect(page).toHaveURL(/perPage=25/);
  await expect(page).toHaveURL(/sort=payTime/);
});

test("the overview's count cards, failure lines and conflicts banner land on the lists they count", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-OVERVIEW-${run}`;
  await failedSync(request, page, { trade_no: `E2E-OV-${run}`, park_id: park, car_number: "沪C00009" });
  // A re-delivery with other content: a conflict.
  const conflictTrade = `E2E-OV-CONFLICT-${run}`;
  await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: conflictTrade, park_id: park, amount: "10.00", arrive_money: "10.00" }) });
  await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: conflictTrade, park_id: park, amount: "11.00", arrive_money: "11.00" }) });

  await page.goto("/");
  await page.getByTestId("overview-count-FAILED").click();
  await expect(page).toHaveURL(/\/sync\?status=FAILED$/);
  await expect(page.getByRole("form", { name: "筛选" }).getByLabel("同步状态")).toHaveValue("FAILED");
  await expect(page.getByTestId("count-FAILED")).toHaveAttribute("aria-current", "true");

  await page.goto("/");
  await page.getByTestId("overview-count-SYNCED").click();
  await expect(page).toHaveURL(/\/sync\?status=SYNCED$/);
  await expect(page.getByRole("form", { name: "筛选" }).getByLabel("同步状态")).toHaveValue("SYNCED");

  // The newest failure line opens its renewal.
  await page.goto("/");
  const line = page.getByTestId("overview-failure").filter({ hasText: "沪C00009" });
  await expect(line).toContainText("无法生成推送内容");
  await line.click();
  await expect(page).toHaveURL(/\/renewals\/\d+$/);
  await expect(page.getByRole("main")).toContainText(`E2E-OV-${run}`);

  await page.goto("/");
  const warnings = page.getByRole("alert", { name: "需要注意" });
  await warnings.getByRole("link", { name: /内容冲突的重复推送/ }).click();
  await expect(page).toHaveURL(/\/renewals\?conflict=1$/);
  await expect(page.getByRole("form", { name: "筛选" }).getByLabel("仅冲突")).toBeChecked();
  await expect(page.locator("tbody tr").filter({ hasText: conflictTrade })).toHaveCount(1);

  await page.goto("/");
  await warnings.getByRole("link", { name: /^失败原因/ }).click();
  await expect(page).toHaveURL(/\/sync\/failures$/);
});

test("month cards sort by days left (soonest first, then latest) and filter by the park picker", async ({ page, request }) => {
  const run = Date.now();
  const park = `E2E-CARDS-${run}`;
  for (const [i, end] of ["2027-03-31", "2026-12-31"].entries()) {
    const trade = `E2E-CARD-${run}-${i}`;
    await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: trade, park_id: park, card_id: `CARD-${run}-${i}`, start_time: "2026-01-01", end_time: end }) });
  }
  await page.goto("/cards");
  const filters = page.getByRole("form", { name: "筛选" });
  await filters.getByLabel("车场").selectOption(park);
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`park=${park}`));
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`CARD-${run}-1`);
  await page.getByRole("link", { name: /^剩余天数/ }).click();
  await expect(page).toHaveURL(/sort=daysLeft&dir=desc/);
  await expect(rows.first()).toContainText(`CARD-${run}-0`);
  await expect(filters.getByLabel("车场")).toHaveValue(park);
});

test("parks page by keyset: next and previous keep the search, the page size is a choice; audit sorts oldest first", async ({ page }) => {
  // 27 parks in one import (one request), found by a prefix unique to this run, in lower case.
  const prefix = `E2E-PG-${Date.now()}`;
  const csv = ["park_id,name,wx_parking_lot_id,fee_type", ...Array.from({ length: 27 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")},,,`)].join("\n");
  await page.goto("/parks");
  const importForm = page.locator("form").filter({ has: page.locator('input[type="file"]') });
  await importForm.locator('input[type="file"]').setInputFiles({ name: "parks.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n`) });
  await importForm.getByRole("button", { name: "导入" }).click();
  await expect(importForm.getByRole("status")).toContainText("27");

  await page.goto(`/parks?q=${prefix.toLowerCase()}`);
  await page.getByLabel("每页条数").selectOption("25");
  await expect(page).toHaveURL(/perPage=25/);
  const rows = page.locator('tbody tr[data-testid^="park-row-"]');
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toHaveAttribute("data-testid", `park-row-${prefix}-00`);
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows).toHaveCount(2);
  await expect(rows.last()).toHaveAttribute("data-testid", `park-row-${prefix}-26`);
  await expect(page.getByLabel("车场编号 / 名称")).toHaveValue(prefix.toLowerCase());
  await page.getByRole("link", { name: "上一页" }).click();
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toHaveAttribute("data-testid", `park-row-${prefix}-00`);

  await page.goto("/audit");
  await page.getByRole("link", { name: /^时间/ }).click();
  await expect(page).toHaveURL(/sort=at&dir=asc/);
  await expect(page.locator("tbody tr").first()).toContainText("创建初始管理员"); // the oldest entry first
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("renewals at 390 px: the amount is on screen, the page does not scroll sideways", async ({ page, request }) => {
    await seedWideRows(request);
    await page.goto("/renewals");
    const amount = page.locator("thead th").filter({ hasText: "金额" });
    await expect(amount).toBeInViewport({ ratio: 1 });
    await expect(page.locator("tbody tr").first().locator("td").filter({ hasText: "¥" }).first()).toBeInViewport({ ratio: 1 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
