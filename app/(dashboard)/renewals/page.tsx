import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function RenewalsPage() {
  return <PlaceholderPage page="renewals" />;
}
