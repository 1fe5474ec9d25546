// Every list page on the one kit: bad URLs give a notice and a working page, unknown ids a real
// 404, search finds partial plates in any case, sorting and status cards keep the other filters.
import { expect, test } from "@playwright/test";
import { signedNotice } from "./helpers/notices";
import { seedWideRows } from "./helpers/pages";

// A production server on a shared machine: page loads can take seconds each.
test.describe.configure({ timeout: 120_000 });

// Grows as each list moves onto the kit.
const LISTS = ["/renewals", "/parks", "/users", "/vendors", "/audit", "/rejected"];

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
