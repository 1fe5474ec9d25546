import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";

export default async function AccountPage() {
  await requirePageUser("VIEWER");
  const t = await getMessages();
  return (
    <>
      <PageHeader title={t.pages.account.title} description={t.pages.account.description} />
      <Card className="mb-4 max-w-xl p-4">
        <ChangePasswordForm t={t.account} />
      </Card>
      <Card className="max-w-xl p-4">
        <SignOutEverywhere t={t.account} />
      </Card>
    </>
  );
}
