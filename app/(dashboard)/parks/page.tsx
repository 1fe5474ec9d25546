import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function ParksPage() {
  return <PlaceholderPage page="parks" />;
}
