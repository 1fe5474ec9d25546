import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function SyncPage() {
  return <PlaceholderPage page="sync" />;
}
