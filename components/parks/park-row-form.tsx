"use client";
import { updatePark } from "@/lib/actions/parks";
import { Status, useActionStatus } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { FEE_TYPES } from "@/lib/wechatpay/mapping";

// One park's mapping, editable in its table row (admins): the inputs sit in their own cells and
// belong to the row's form (the `form` attribute), which sits in the last cell with the save button.

type Park = { parkId: string; name: string | null; wxParkingLotId: string | null; feeTypeOverride: string | null };

const formId = (park: Park) => `park-${park.parkId}`;

export function ParkNameInput({ park, t }: { park: Park; t: Messages["parks"] }) {
  return <Input form={formId(park)} name="name" aria-label={`${t.name} ${park.parkId}`} defaultValue={park.name ?? ""} className="h-8 w-40" />;
}

export function ParkWxInput({ park, t }: { park: Park; t: Messages["parks"] }) {
  return (
    <Input
      form={formId(park)}
      name="wxParkingLotId"
      aria-label={`${t.wxParkingLotId} ${park.parkId}`}
      defaultValue={park.wxParkingLotId ?? ""}
      placeholder={t.unmapped}
      className="h-8 w-56"
    />
  );
}

export function ParkFeeTypeSelect({ park, t }: { park: Park; t: Messages["parks"] }) {
  return (
    <select
      form={formId(park)}
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
  );
}

export function ParkSaveForm({ park, t }: { park: Park; t: Messages["parks"] }) {
  const { pending, message, run } = useActionStatus();
  return (
    <form
      id={formId(park)}
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
  );
}
