import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function UsersPage() {
  return <PlaceholderPage page="users" role="ADMIN" />;
}
