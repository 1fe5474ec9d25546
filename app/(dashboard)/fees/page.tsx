import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function FeesPage() {
  return <PlaceholderPage page="fees" />;
}
