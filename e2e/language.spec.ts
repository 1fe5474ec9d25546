// Operators read Chinese: no catalogue key, placeholder or developer English on any zh-CN page,
// and refusals (validation, import) in words. The English UI carries no Chinese of its own.
import { expect, test, type Page } from "@playwright/test";
import { allPages, seedWideRows } from "./helpers/pages";

// What leaks when a string skips the catalogue: a key ("sync.resend"), a placeholder ("{n}"),
// a zod or handler message, a JS value printed as text.
const LEAKS = [
  // catalogue keys ("sync.statuses") and audit codes ("sync.resend"), by their namespaces
  /\b(?:app|nav|auth|parks?|cards|fees|overview|syncAdmin|wechat|table|renewals|sync|users?|vendors?|audit|rejected|locale|common|pages|exports|actionErrors|alerts?)\.[a-z][\w-]*/,
  /\{[a-zA-Z]+\}/,
  /invalid input|bad row|nothing imported|visible ASCII|verified|internal error|not found|must be|too (?:small|big|long)/i,
  /\bundefined\b|\bNaN\b|\[object Object\]/,
];

async function visibleText(page: Page) {
  return page.locator("body").innerText();
}

function leaks(text: string): string[] {
  return LEAKS.flatMap((pattern) => text.match(pattern)?.[0] ?? []);
}

test("zh-CN pages show no catalogue keys, placeholders or English error text", async ({ page, request }) => {
  test.setTimeout(120_000);
  await seedWideRows(request);
  for (const path of await allPages(page)) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(leaks(await visibleText(page)), path).toEqual([]);
  }
});

test("refusals read in Chinese: a bad WeChat parking-lot id and a bad park import", async ({ page, request }) => {
  await seedWideRows(request);
  await page.goto("/parks");
  const row = page.locator('[data-testid^="park-row-"]').first();
  await row.locator('input[name="wxParkingLotId"]').fill("含 中文");
  await row.getByRole("button", { name: "保存" }).click();
  const status = row.getByRole("status");
  await expect(status).toContainText("微信停车场 ID");
  expect(leaks(await status.innerText())).toEqual([]);
  expect(await status.innerText()).not.toMatch(/[A-Za-z]{4,}/);

  const importForm = page.locator("form").filter({ has: page.locator('input[type="file"]') });
  await importForm.locator('input[type="file"]').setInputFiles({
    name: "parks.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("park_id,name,wx_parking_lot_id,fee_type\nP1,好,含 空格,\n"),
  });
  await importForm.getByRole("button", { name: "导入" }).click();
  const imported = importForm.getByRole("status");
  await expect(imported).toContainText("没有导入");
  await expect(imported).toContainText("第 2 行");
  expect(await imported.innerText()).not.toMatch(/[A-Za-z]{4,}/);
});

test("the English UI has no Chinese of its own (labels, headings, navigation)", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  try {
    for (const path of ["/", "/renewals", "/sync", "/parks", "/users", "/audit"]) {
      await page.goto(path);
      const chrome = await page.locator("nav, header, h1, h2, thead, label, button").allInnerTexts();
      const chinese = chrome.filter((text) => /[\u4e00-\u9fff]/.test(text) && !/中文/.test(text));
      expect(chinese, path).toEqual([]);
    }
  } finally {
    await page.getByLabel("Language").selectOption("zh-CN");
  }
});
