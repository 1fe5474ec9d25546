// Why a callback was answered state 0, as a code: the rejected-callback log and its counts store
// the code (and the field it names), the dashboard renders the text from the i18n catalogue,
// metrics group codes into classes. Bolink itself gets English text in `errmsg`.

export const REJECT_REASONS = [
  "body_too_large",
  "body_not_utf8",
  "empty_body",
  "malformed_json",
  "not_an_object",
  "data_not_object",
  "data_ambiguous",
  "invalid_notice",
  "missing_field",
  "invalid_field",
  "unsupported_service",
  "unknown_vendor",
  "vendor_disabled",
  "bad_sign",
  // Rows logged before reasons were codes, whose text matched none of the above.
  "other",
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** A refusal: the code to store, the field it names (if any) and the short English answer for Bolink. */
export type Refusal = { code: RejectReason; field?: string; text: string };

export function isRejectReason(value: string): value is RejectReason {
  return (REJECT_REASONS as readonly string[]).includes(value);
}

/** The metric's `reason` label: what an alert needs, a small fixed set. */
export const REASON_CLASS: Record<RejectReason, string> = {
  body_too_large: "body",
  body_not_utf8: "body",
  empty_body: "body",
  malformed_json: "invalid_notice",
  not_an_object: "invalid_notice",
  data_not_object: "invalid_notice",
  data_ambiguous: "invalid_notice",
  invalid_notice: "invalid_notice",
  missing_field: "invalid_notice",
  invalid_field: "invalid_notice",
  unsupported_service: "unsupported_service",
  unknown_vendor: "unknown_vendor",
  vendor_disabled: "vendor_disabled",
  bad_sign: "signature",
  other: "other",
};
