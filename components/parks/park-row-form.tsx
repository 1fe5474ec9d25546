"use client";
import { updatePark } from "@/lib/actions/parks";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { FEE_TYPES } from "@/lib/wechatpay/mapping";

type Park = { parkId: string; name: string | null; wxParkingLotId: string | null; feeTypeOverride: string | null };

/** One park's mapping as an editable table row (admins). */
export function ParkRowForm({ park, t }: { park: Park; t: Messages["parks"] }) {
  const { pending, message, run } = useActionStatus();
  const formId = `park-${park.parkId}`;
  return (
    <tr className="border-b border-slate-100 last:border-0" data-testid={`park-row-${park.parkId}`}>
      <td className="px-2 py-1.5 font-mono text-xs">{park.parkId}</td>
      <td className="px-2 py-1.5">
        <Input form={formId} name="name" aria-label={`${t.name} ${park.parkId}`} defaultValue={park.name ?? ""} className="h-8 w-40" />
      </td>
      <td className="px-2 py-1.5">
        <Input
          form={formId}
          name="wxParkingLotId"
          aria-label={`${t.wxParkingLotId} ${park.parkId}`}
          defaultValue={park.wxParkingLotId ?? ""}
          placeholder={t.unmapped}
          className="h-8 w-56"
        />
      </td>
      <td className="px-2 py-1.5">
        <select
          form={formId}
          name="feeTypeOverride"
          aria-label={`${t.feeType} ${park.parkId}`}
          defaultValue={park.feeTypeOverride ?? ""}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="">{t.feeTypeAuto}</option>
          {FEE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t.feeTypes[type]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-2 py-1.5">
        <form
          id={formId}
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            run(
              () =>
                updatePark({
                  parkId: park.parkId,
                  name: data.get("name"),
                  wxParkingLotId: data.get("wxParkingLotId"),
                  feeTypeOverride: data.get("feeTypeOverride"),
                }),
              () => t.saved,
            );
          }}
        >
          <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={`${t.save} ${park.parkId}`}>
            {pending ? t.saving : t.save}
          </Button>
          <Status message={message} />
        </form>
      </td>
    </tr>
  );
}
