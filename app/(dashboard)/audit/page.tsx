import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function AuditPage() {
  return <PlaceholderPage page="audit" role="ADMIN" />;
}
