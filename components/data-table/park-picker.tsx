import { selectClass } from "@/components/ui/field";
import type { ParkOption } from "@/components/data-table/types";

/** The one park filter: every park by id, with the name entered on 车场 beside it. */
export function ParkPicker({ id, name, value, parks, allLabel }: { id: string; name: string; value?: string; parks: ParkOption[]; allLabel: string }) {
  const options = value && !parks.some((park) => park.parkId === value) ? [{ parkId: value, name: null }, ...parks] : parks;
  return (
    <select id={id} name={name} defaultValue={value ?? ""} className={`${selectClass} max-w-56`}>
      <option value="">{allLabel}</option>
      {options.map((park) => (
        <option key={park.parkId} value={park.parkId}>
          {park.name ? `${park.parkId} · ${park.name}` : park.parkId}
        </option>
      ))}
    </select>
  );
}
