// An operator's triage of failed syncs: one group per cause with what it means, the fix reached
// from its link, the whole group resent, the group closing by itself — and the alert that told
// the duty group about it, as a WeCom robot received and would render it.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_SIM_URL } from "../playwright.config";
import { signedNotice } from "./helpers/notices";

type WecomMessage = { msgtype: string; markdown: { content: string } };

/** A WeCom group robot stand-in: keeps every markdown message posted to its webhook. */
async function wecomRobot() {
  const received: WecomMessage[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push(JSON.parse(body) as WecomMessage);
      res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { webhook: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=e2e-robot`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** WeCom's markdown subset (### headings, > quotes, [links](…), its three font colours) as HTML. */
function wecomMarkdownToHtml(markdown: string): string {
  const colors: Record<string, string> = { info: "#07c160", comment: "#888888", warning: "#fa9d3b" };
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inline = (text: string) =>
    escape(text)
      .replace(/&lt;font color="(info|comment|warning)"&gt;(.*?)&lt;\/font&gt;/g, (_, color: string, inner: string) => `<span style="color:${colors[color]}">${inner}</span>`)
      .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
  const lines = markdown.split("\n").map((line) =>
    line.startsWith("### ") ? `<h3>${inline(line.slice(4))}</h3>` : line.startsWith("> ") ? `<blockquote>${inline(line.slice(2))}</blockquote>` : `<p>${inline(line)}</p>`,
  );
  return `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#ededed;font:14px/1.6 -apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif">
    <div style="max-width:420px;margin:24px;padding:14px 16px;background:#fff;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.1)" data-testid="wecom-card">
    <style>h3{font-size:16px;margin:0 0 6px}blockquote{margin:2px 0;padding-left:8px;border-left:3px solid #ddd;color:#555}a{color:#576b95}p{margin:6px 0 0}</style>
    ${lines.join("\n")}</div></body>`;
}

test("grouped failures: explained, fixed from the link, resent as a group, closed; the WeCom alert says the same", async ({ page, request, browser }) => {
  test.setTimeout(150_000);
  const run = Date.now();
  const park = `E2E-TRIAGE-${run}`;
  const lot = `WX-NOT-ONBOARDED-${run}`;
  const robot = await wecomRobot();
  fs.mkdirSync("test-results", { recursive: true });
  try {
    await request.post(`${E2E_SIM_URL}/__sim/unknown-lots`, { data: { ids: [lot] } });

    // The duty group's robot, added by an admin; "send test" reaches it.
    await page.goto("/alerts");
    const form = page.getByRole("form", { name: "添加告警通道" });
    await form.getByLabel("类型").selectOption("wecom");
    await form.getByLabel("名称").fill(`值班群 ${run}`);
    await form.getByLabel("Webhook 地址 / SMTP 地址").fill(robot.webhook);
    await form.getByRole("button", { name: "添加" }).click();
    await expect(form.getByRole("status")).toHaveText(`已添加通道 值班群 ${run}`);
    const channelRow = page.locator("tr", { hasText: `值班群 ${run}` });
    await expect(channelRow).not.toContainText("e2e-robot"); // the key in the URL is never shown
    await channelRow.getByRole("button", { name: `发送测试 值班群 ${run}` }).click();
    await expect.poll(() => robot.received.length).toBe(1);
    await expect(page.locator('[data-testid^="delivery-"]', { hasText: "测试消息" }).first()).toContainText("已发送");
    // The page has refreshed (the delivery log shows it); the channel's own answer is still there.
    await expect(channelRow.getByRole("status")).toHaveText(`测试消息已发送到 值班群 ${run}`);

    // A park mapped to a lot WeChat does not know; two renewals there fail for good.
    await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: `TF-${run}`, park_id: park, state: 0 }) });
    await page.goto(`/parks?q=${park}`);
    const parkRow = page.getByTestId(`park-row-${park}`);
    await parkRow.getByLabel(`微信停车场 ID ${park}`).fill(lot);
    await parkRow.getByRole("button", { name: `保存 ${park}` }).click();
    await expect(parkRow.getByRole("status")).toHaveText("已保存");
    for (const n of [1, 2]) {
      await request.post("/api/callbacks/bolink", { data: signedNotice({ trade_no: `TP-${run}-${n}`, park_id: park, car_number: `沪T0000${n}` }) });
    }

    await page.goto("/sync/failures");
    const group = page.locator('[data-testid^="failure-group-"]', { hasText: park });
    await expect(async () => {
      await page.reload();
      await expect(group).toContainText("2", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(group).toContainText("车场未在微信开通或未配置微信停车场 ID");
    await expect(group).toContainText("PARAM_ERROR · wx_parking_lot_id 不存在");
    await group.getByText("说明").click();
    await expect(group).toContainText("在车场页为这些车场填入微信分配的停车场 ID");
    await page.screenshot({ path: "test-results/failure-groups.png", fullPage: true });

    // The alert loop (every 30 s) tells the robot: one grouped message, rendered as WeCom would.
    await expect.poll(() => robot.received.filter((m) => m.markdown.content.includes(park)).length, { timeout: 60_000, intervals: [1000] }).toBe(1);
    const alert = robot.received.find((m) => m.markdown.content.includes(park))!;
    expect(alert.msgtype).toBe("markdown");
    expect(alert.markdown.content).toContain("【告警】");
    expect(alert.markdown.content).toMatch(/\/sync\/failures\?group=[0-9a-f]{16}\)/);
    const render = await browser.newPage();
    await render.setContent(wecomMarkdownToHtml(alert.markdown.content));
    await render.getByTestId("wecom-card").screenshot({ path: "test-results/wecom-alert.png" });
    await render.close();

    // The fix, from the group's link: the park's mapping on 车场.
    await group.getByRole("link", { name: `在车场页设置 ${park} 的微信停车场 ID` }).click();
    await expect(page).toHaveURL(new RegExp(`/parks\\?q=${park}$`));
    await parkRow.getByLabel(`微信停车场 ID ${park}`).fill(`WX-ONBOARDED-${run}`);
    await parkRow.getByRole("button", { name: `保存 ${park}` }).click();
    await expect(parkRow.getByRole("status")).toHaveText("已保存");

    await page.goBack();
    await group.getByRole("button", { name: "重新推送这一组" }).click();

    // Once its syncs went through, the group is gone by itself, and the robot hears "resolved".
    await expect(async () => {
      await page.reload();
      await expect(group).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    const resolved = () => robot.received.filter((m) => m.markdown.content.includes("【已恢复】") && m.markdown.content.includes(park)).length;
    await expect.poll(resolved, { timeout: 60_000, intervals: [1000] }).toBe(1);

    await page.goto("/alerts");
    await page.getByRole("button", { name: `删除 值班群 ${run}` }).click();
    // The channel is gone; its past deliveries stay in the log (which names it), so look for its controls.
    await expect(page.getByRole("button", { name: `删除 值班群 ${run}` })).toHaveCount(0);
    await expect(page.getByRole("button", { name: `发送测试 值班群 ${run}` })).toHaveCount(0);
  } finally {
    await robot.close();
  }
});
