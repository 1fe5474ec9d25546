import { Badge, type Tone } from "@/components/ui/badge";
import type { CardStatus } from "@/lib/cards/periods";

const tone: Record<CardStatus, Tone> = { active: "green", expiring: "amber", expired: "red", unknown: "slate" };

export function CardStatusBadge({ status, label }: { status: CardStatus; label: string }) {
  return <Badge tone={tone[status]}>{label}</Badge>;
}
