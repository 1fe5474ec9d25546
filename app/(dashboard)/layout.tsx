import Link from "next/link";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { PausedBanner } from "@/components/shell/paused-banner";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { WechatModeBadge } from "@/components/shell/wechat-mode-badge";
import { KeyExpiryBanner } from "@/components/wechat/key-expiry-banner";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getMessages } from "@/lib/i18n/server";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  const main: NavItem[] = [
    { href: "/", label: t.nav.overview },
    { href: "/renewals", label: t.nav.renewals },
    { href: "/cards", label: t.nav.cards },
    { href: "/fees", label: t.nav.fees },
    { href: "/sync", label: t.nav.sync },
    { href: "/parks", label: t.nav.parks },
    { href: "/rejected", label: t.nav.rejected },
  ];
  const admin: NavItem[] = [
    { href: "/vendors", label: t.nav.vendors },
    { href: "/users", label: t.nav.users },
    { href: "/audit", label: t.nav.audit },
    { href: "/alerts", label: t.alerts.title },
  ];
  return (
    <div className="flex min-h-screen">
      <aside className="w-52 shrink-0 border-r border-slate-200 bg-white px-3 py-4">
        <p className="px-2 pb-4 text-sm font-semibold">{t.app.name}</p>
        <nav aria-label={t.app.short}>
          <NavLinks items={main} />
          {hasRole(user.role, "ADMIN") ? <NavLinks items={admin} heading={t.nav.admin} /> : null}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-3 border-b border-slate-200 bg-white px-4">
          <WechatModeBadge mode={process.env.WECHATPAY_MODE} labels={t.wechat} />
          <span className="text-xs text-slate-600" data-testid="current-user">
            {t.auth.signedInAs}{" "}
            <Link href="/account" title={t.account.link} className="font-semibold hover:underline">
              {user.username}
            </Link>{" "}
            · {t.roles[user.role]}
          </span>
          <LocaleSwitch locale={locale} label={t.locale.label} names={{ "zh-CN": t.locale.zh, en: t.locale.en }} />
          <SignOutButton label={t.auth.signOut} />
        </header>
        <PausedBanner t={t.paused} />
        <KeyExpiryBanner t={t.wechat} />
        <main className="min-w-0 flex-1 p-4">{children}</main>
      </div>
    </div>
  );
}
