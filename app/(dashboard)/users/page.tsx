import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { listUsers } from "@/lib/queries/users";

export default async function UsersPage() {
  const me = await requirePageUser("ADMIN");
  const [t, users] = await Promise.all([getMessages(), listUsers(getDb())]);
  return (
    <>
      <PageHeader title={t.pages.users.title} description={t.pages.users.description} />
      <Card className="mb-4 p-4">
        <CreateUserForm t={t.users} roles={t.roles} />
      </Card>
      <UsersTable rows={users} meId={me.id} t={t} />
    </>
  );
}
