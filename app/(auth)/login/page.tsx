import { redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { LoginForm } from "./login-form";

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/");
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm p-6">
        <div className="mb-5 flex items-start justify-between gap-2">
          <div>
            <h1 className="text-lg font-semibold">{t.app.name}</h1>
            <p className="text-sm text-slate-500">{t.auth.subtitle}</p>
          </div>
          <LocaleSwitch locale={locale} label={t.locale.label} names={{ "zh-CN": t.locale.zh, en: t.locale.en }} />
        </div>
        <LoginForm t={t.auth} />
      </Card>
    </main>
  );
}
