// What a failure group means and how to fix it, by kind. The text lives in the i18n catalogs
// (failures.kinds.<kind>); this decides the kind and the link to the fix.
import type { FailureGroup } from "@/lib/sync/failure-groups";

export const FAILURE_KINDS = ["unknownLot", "signError", "unverified", "mapping", "rateLimited", "wechatDown", "paramError", "other"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export function failureKind(group: Pick<FailureGroup, "code" | "sample" | "httpStatus">): FailureKind {
  const text = group.sample ?? "";
  if (/unverifiable response/.test(text)) return "unverified";
  if (text.startsWith("cannot map:")) return "mapping";
  if (group.code === "SIGN_ERROR") return "signError";
  if (/wx_parking_lot_id/.test(text)) return "unknownLot";
  if (group.code === "FREQUENCY_LIMITED" || group.httpStatus === 429) return "rateLimited";
  if (group.code === "PARAM_ERROR" || group.code === "INVALID_REQUEST") return "paramError";
  if (group.httpStatus === null || group.httpStatus >= 500 || /^gave up after/.test(text)) return "wechatDown";
  return "other";
}

/** Where the fix is made, inside the console: one link per affected park for an unknown lot. */
export function fixLinks(kind: FailureKind, group: Pick<FailureGroup, "id" | "parks" | "code">): { href: string; park?: string }[] {
  switch (kind) {
    case "unknownLot":
      return group.parks.map((park) => ({ href: `/parks?q=${encodeURIComponent(park)}`, park }));
    case "signError":
    case "unverified":
      return [{ href: "/alerts#wechat-keys" }];
    default:
      return [{ href: `/sync?status=FAILED${group.code ? `&code=${encodeURIComponent(group.code)}` : ""}` }];
  }
}
