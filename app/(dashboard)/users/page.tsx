import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { ListNotice } from "@/components/data-table/list-notice";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/pick";
import { listState, type RawParams } from "@/lib/list/params";
import { listUsers } from "@/lib/queries/users";
import { usersParams } from "@/lib/validations/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const me = await requirePageUser("ADMIN");
  const list = usersParams.parse(await searchParams);
  const [t, users] = await Promise.all([getMessages(), listUsers(getDb(), list.query)]);
  return (
    <>
      <PageHeader title={t.pages.users.title} description={t.pages.users.description} />
      <Card className="mb-4 p-4">
        <CreateUserForm t={t.users} roles={t.roles} />
      </Card>
      <ListNotice dropped={list.dropped} t={t.list} />
      <UsersTable rows={users} meId={me.id} state={listState(list)} t={pickMessages(t, "users", "roles", "table", "list")} />
    </>
  );
}
