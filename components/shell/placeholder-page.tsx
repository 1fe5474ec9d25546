import { EmptyState, PageHeader } from "@/components/ui/card";
import type { Role } from "@/lib/generated/prisma";
import { requirePageUser } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";
import type { Messages } from "@/lib/i18n/messages/zh-CN";

/** A page a later release fills: already behind sign-in and its role, inside the shell. */
export async function PlaceholderPage({ page, role = "VIEWER" }: { page: keyof Messages["pages"]; role?: Role }) {
  await requirePageUser(role);
  const t = await getMessages();
  return (
    <>
      <PageHeader title={t.pages[page].title} description={t.pages[page].description} />
      <EmptyState title={t.common.empty}>{t.common.comingSoon}</EmptyState>
    </>
  );
}
