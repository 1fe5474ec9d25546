import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { expiringWechatKeys } from "@/lib/wechatpay/key-expiry";

/**
 * On every dashboard page while a trusted WeChat Pay certificate expires within 30 days and no
 * other trusted key outlives it: after it expires, every WeChat answer would go unverified.
 */
export function KeyExpiryBanner({ t }: { t: Messages["wechat"] }) {
  const expiring = expiringWechatKeys().filter((key) => !key.replaced);
  if (!expiring.length) return null;
  return (
    <div role="alert" data-testid="key-expiry-banner" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      {expiring.map((key) => (
        <p key={key.serial}>
          {t.keyExpiring
            .replace("{serial}", key.serial)
            .replace("{date}", formatDateTime(key.validTo))
            .replace("{days}", String(key.daysLeft))}
        </p>
      ))}
      <p className="text-xs">{t.keyExpiringFix}</p>
    </div>
  );
}
