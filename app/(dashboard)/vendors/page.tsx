import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function VendorsPage() {
  return <PlaceholderPage page="vendors" role="ADMIN" />;
}
