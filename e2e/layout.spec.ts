// Every page at a desk (1440 px) and at the booth (a 390 px phone): the page never scrolls sideways,
// the navigation is a menu on the phone, and screenshots of each are kept for people to look at
// (test-results/screenshots/, not committed).
import { expect, test, type Page } from "@playwright/test";
import { allPages, pageName, seedWideRows } from "./helpers/pages";

const SHOTS = "test-results/screenshots";

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("no page scrolls sideways at 390 px; the navigation is a menu", async ({ page, request }) => {
    test.setTimeout(120_000);
    await seedWideRows(request);
    for (const path of await allPages(page)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
      expect(scrollWidth, `${path} is ${scrollWidth}px wide in a ${clientWidth}px screen`).toBeLessThanOrEqual(clientWidth);
      await page.screenshot({ path: `${SHOTS}/390/${pageName(path)}.png`, fullPage: true });
    }

    // The sidebar is gone; the menu button opens the navigation as a drawer, a link closes it.
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "缴费同步" })).toBeHidden();
    await page.getByTestId("nav-menu").click();
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByTestId("drawer-user")).toContainText("e2e-admin");
    await page.screenshot({ path: `${SHOTS}/390/menu-open.png` });
    await drawer.getByRole("link", { name: "续费记录" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("续费记录");
    await expect(page.getByRole("dialog")).toBeHidden();
  });
});

test("every page at 1440 px keeps its sidebar and does not scroll sideways", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedWideRows(request);
  for (const path of await allPages(page)) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "缴费同步" })).toBeVisible();
    await expect(page.getByTestId("nav-menu")).toBeHidden();
    const { scrollWidth, clientWidth } = await sidewaysOverflow(page);
    expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: `${SHOTS}/1440/${pageName(path)}.png`, fullPage: true });
  }
});

test("the site icon is served: no favicon 404 on any page", async ({ page, request }) => {
  test.setTimeout(60_000);
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && /icon/.test(response.url())) missing.push(response.url());
  });
  await page.goto("/");
  await page.goto("/login");
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await request.get(icon!)).status()).toBe(200);
  expect(missing).toEqual([]);
});
