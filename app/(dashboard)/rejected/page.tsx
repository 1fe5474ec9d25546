import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function RejectedPage() {
  return <PlaceholderPage page="rejected" />;
}
