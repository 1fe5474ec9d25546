// Bolink's callback over real HTTP against the production build (the test server has the spec's
// test vendor: union_id 100000, ukey A1B2C3D4E5F60718).
import { expect, test } from "@playwright/test";

const SEED =
  '{"data":{"trade_no":"M201WWEZXQ7TZPZ36U9W","out_trade_no":"1230912903301550565509307","attach":{"order_id":"abc123"},"card_id":"12312991","park_id":"21845","amount":0.02,"state":1,"pay_time":1550565528,"arrive_money":0.02,"fee":0,"account_type":1,"remark":"收到月卡续费-测试一二三四五六七八九十-"},"sign":"06510C5527AD8DA8180801CB80A45B4E","union_id":100000}';

test.use({ storageState: { cookies: [], origins: [] } });

test("the vendor's example is answered state 1, also when re-sent, with no session", async ({ request }) => {
  for (let i = 0; i < 2; i++) {
    const response = await request.post("/api/callbacks/bolink", { data: SEED, headers: { "content-type": "text/plain" } });
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('{"state":1,"trade_no":"M201WWEZXQ7TZPZ36U9W"}');
  }
});

test("garbage is answered JSON state 0, never HTML", async ({ request }) => {
  const response = await request.post("/api/callbacks/bolink", { data: "<html>not json</html>" });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ state: 0, trade_no: "", errmsg: "malformed JSON" });
});
