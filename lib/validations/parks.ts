import { z } from "zod";
import { defineListParams, param } from "@/lib/list/params";
import { FEE_TYPES } from "@/lib/wechatpay/mapping";

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const parkFields = {
  name: z.preprocess(blankToNull, z.string().trim().max(100).nullable()),
  wxParkingLotId: z.preprocess(blankToNull, z.string().trim().max(64).regex(/^[\x21-\x7e]+$/, "visible ASCII only").nullable()),
  feeTypeOverride: z.preprocess(blankToNull, z.enum(FEE_TYPES).nullable()),
};

export const updateParkInput = z.object({ parkId: z.string().trim().min(1).max(64), ...parkFields });

/** CSV columns: park_id, name, wx_parking_lot_id, fee_type (header row required). */
export const importParksInput = z.object({ csv: z.string().min(1).max(1_000_000) });

/** The parks list's URL state: search by id or name, WeChat mapping, keyset by park id. */
export const parksParams = defineListParams({
  filters: { q: param.text(), mapped: param.oneOf(["1", "0"]) },
  sorts: { parkId: "text" },
  defaultSort: "parkId",
  defaultDir: "asc",
});

export type ParksQuery = ReturnType<typeof parksParams.parse>["query"];
