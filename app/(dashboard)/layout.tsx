import Link from "next/link";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { PausedBanner } from "@/components/shell/paused-banner";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { SyncPausedBadge } from "@/components/shell/sync-paused-badge";
import { WechatModeBadge } from "@/components/shell/wechat-mode-badge";
import { KeyExpiryBanner } from "@/components/wechat/key-expiry-banner";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { syncPauseState } from "@/lib/sync/pause-state";
import { getLocale, getMessages } from "@/lib/i18n/server";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const [t, locale, { paused }] = await Promise.all([getMessages(), getLocale(), syncPauseState()]);
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
  const nav = (
    <nav aria-label={t.app.short}>
      <NavLinks items={main} />
      {hasRole(user.role, "ADMIN") ? <NavLinks items={admin} heading={t.nav.admin} /> : null}
    </nav>
  );
  const who = (
    <>
      {t.auth.signedInAs}{" "}
      <Link href="/account" title={t.account.link} className="font-semibold hover:underline">
        {user.username}
      </Link>{" "}
      · {t.roles[user.role]}
    </>
  );
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-52 shrink-0 border-r border-slate-200 bg-white px-3 py-4 md:block">
        <p className="px-2 pb-4 text-sm font-semibold">{t.app.name}</p>
        {nav}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex min-h-12 items-center gap-2 border-b border-slate-200 bg-white px-2 py-1.5 md:gap-3 md:px-4">
          <MobileNav labels={{ open: t.nav.menu, close: t.nav.closeMenu, title: t.app.name }}>
            <p className="px-2 pb-3 text-xs text-slate-600" data-testid="drawer-user">
              {who}
            </p>
            {nav}
          </MobileNav>
          <div className="mr-auto flex min-w-0 items-center gap-2">
            <WechatModeBadge mode={process.env.WECHATPAY_MODE} paused={paused} labels={t.wechat} />
            {paused ? <SyncPausedBadge label={t.syncAdmin.pausedBadge} title={t.overview.paused} /> : null}
          </div>
          <span className="hidden text-xs text-slate-600 sm:inline" data-testid="current-user">
            {who}
          </span>
          <LocaleSwitch locale={locale} label={t.locale.label} names={{ "zh-CN": t.locale.zh, en: t.locale.en }} />
          <SignOutButton label={t.auth.signOut} />
        </header>
        <PausedBanner t={t.paused} />
        <KeyExpiryBanner t={t.wechat} />
        <main className="min-w-0 flex-1 p-3 md:p-4">{children}</main>
      </div>
    </div>
  );
}
