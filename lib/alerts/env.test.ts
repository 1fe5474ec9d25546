import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { envChannels } from "@/lib/alerts/channels";

describe("ALERT_* configuration", () => {
  it("builds one channel per configured kind", () => {
    const env = parseEnv({
      ALERT_WECOM_WEBHOOK: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
      ALERT_DINGTALK_WEBHOOK: "https://oapi.dingtalk.com/robot/send?access_token=t",
      ALERT_DINGTALK_SECRET: "SECabc",
      ALERT_WEBHOOK_URL: "https://hooks.example.com/console",
      ALERT_WEBHOOK_SECRET: "0123456789abcdef0123",
      ALERT_SMTP_URL: "smtps://alerts:pw@smtp.example.com:465",
      ALERT_EMAIL_TO: "a@example.com; b@example.com",
    });
    expect(envChannels(env).map((channel) => [channel.key, channel.kind])).toEqual([
      ["env:wecom", "wecom"],
      ["env:dingtalk", "dingtalk"],
      ["env:webhook", "webhook"],
      ["env:email", "email"],
    ]);
    expect(env.ALERT_EMAIL_TO).toEqual(["a@example.com", "b@example.com"]);
    expect(envChannels(parseEnv({}))).toEqual([]);
  });

  it("says what is wrong and what else to set", () => {
    expect(() => parseEnv({ ALERT_WECOM_WEBHOOK: "qyapi.weixin.qq.com/send" })).toThrow(/ALERT_WECOM_WEBHOOK: must be the WeCom group robot's webhook URL/);
    expect(() => parseEnv({ ALERT_WEBHOOK_URL: "https://hooks.example.com" })).toThrow("ALERT_WEBHOOK_URL is set: also set ALERT_WEBHOOK_SECRET.");
    expect(() => parseEnv({ ALERT_WEBHOOK_URL: "https://h.example.com", ALERT_WEBHOOK_SECRET: "short" })).toThrow(/ALERT_WEBHOOK_SECRET: must be at least 16/);
    expect(() => parseEnv({ ALERT_SMTP_URL: "smtp://smtp.example.com" })).toThrow("ALERT_SMTP_URL is set: also set ALERT_EMAIL_TO.");
    expect(() => parseEnv({ ALERT_SMTP_URL: "mail.example.com", ALERT_EMAIL_TO: "a@example.com" })).toThrow(/ALERT_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ ALERT_SMTP_URL: "smtp://h", ALERT_EMAIL_TO: "ops, a@example.com" })).toThrow(/ALERT_EMAIL_TO: .*not an address: ops/);
    expect(() => parseEnv({ ALERT_DINGTALK_SECRET: "SECabc" })).toThrow("ALERT_DINGTALK_SECRET is set: also set ALERT_DINGTALK_WEBHOOK.");
  });
});
