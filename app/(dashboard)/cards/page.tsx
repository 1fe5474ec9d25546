import { PlaceholderPage } from "@/components/shell/placeholder-page";

export default function CardsPage() {
  return <PlaceholderPage page="cards" />;
}
