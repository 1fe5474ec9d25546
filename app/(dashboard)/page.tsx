import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function OverviewPage() {
  return <PlaceholderPage page="overview" />;
}
