// Every dashboard page an operator can open, list and detail, for the page-wide checks.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signedNotice } from "./notices";

export const LIST_PAGES = ["/", "/renewals", "/cards", "/fees", "/sync", "/parks", "/rejected", "/vendors", "/users", "/audit"];

/** A renewal with long values (the widest row a table holds) and a rejected callback, so no page is empty. */
export async function seedWideRows(request: APIRequestContext) {
  const tradeNo = `4200${Date.now()}`.padEnd(28, "9");
  const booked = await request.post("/api/callbacks/bolink", {
    data: signedNotice({
      trade_no: tradeNo,
      park_id: "E2E-LAYOUT-PARK-WITH-A-LONG-ID",
      card_id: `CARD-${tradeNo}`,
      car_number: "粤B12345D",
      amount: "99999.99",
      arrive_money: "99899.99",
      fee: "100.00",
      start_time: "2026-11-01",
      end_time: "2027-10-31",
    }),
  });
  expect(await booked.json()).toEqual({ state: 1, trade_no: tradeNo });
  // A vendor may send any text as the plate: a long one must not push the amount off a phone screen.
  const junkPlate = `${tradeNo.slice(0, 27)}8`;
  const junk = await request.post("/api/callbacks/bolink", {
    data: signedNotice({ trade_no: junkPlate, park_id: "E2E-LAYOUT-PARK-WITH-A-LONG-ID", car_number: "临时号牌 TEMPORARY-PLATE-000000001", amount: "99999.99" }),
  });
  expect(await junk.json()).toEqual({ state: 1, trade_no: junkPlate });
  await request.post("/api/callbacks/bolink", { data: '{"union_id":100000,"sign":"0","data":{}}' });
}

/** The list pages plus one renewal's and one card's detail page. */
export async function allPages(page: Page): Promise<string[]> {
  const detail = async (list: string, prefix: string) => {
    await page.goto(list);
    return page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  };
  const renewal = await detail("/renewals", "/renewals/");
  const card = await detail("/cards", "/cards/");
  return [...LIST_PAGES, ...(renewal ? [renewal] : []), ...(card ? [card] : [])];
}

export const pageName = (path: string) => (path === "/" ? "overview" : path.slice(1).replaceAll("/", "-"));
