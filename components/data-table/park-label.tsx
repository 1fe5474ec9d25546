/** A park in a list cell: its Bolink id, and the name entered on 车场 when there is one. */
export function ParkLabel({ parkId, name }: { parkId: string; name?: string | null }) {
  return (
    <span>
      {parkId}
      {name ? <span className="ml-1 text-xs text-slate-500">{name}</span> : null}
    </span>
  );
}
