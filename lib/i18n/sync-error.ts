// A sync's stored last_error (lib/sync/outcome.ts, lib/wechatpay/client.ts and mapping.ts word it
// in English, for logs and the failure groups) in the reader's language. Only the fixed phrases are
// translated; WeChat's own code and message are shown as WeChat sent them. Text of an unknown
// shape is shown as stored rather than guessed at.
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages/zh-CN";
import { signatureText } from "@/lib/i18n/signature";

type T = { syncErrors: Messages["syncErrors"]; sync: Pick<Messages["sync"], "signatureChecks"> };

const MAPPING: [RegExp, keyof Messages["syncErrors"]["mapping"]][] = [
  [/^the renewal has neither out_trade_no nor trade_no$/, "noOrderId"],
  [/^out_trade_no is longer than (\d+) characters$/, "orderIdTooLong"],
  [/^WeChat Pay needs an amount of at least 1 fen$/, "amountTooSmall"],
  [/^the renewal has no valid payment time$/, "noPayTime"],
  [/^the park's wx_parking_lot_id is longer than (\d+) characters$/, "lotIdTooLong"],
];

export function syncErrorText(t: T, stored: string | null): string | null {
  if (!stored) return stored;
  const e = t.syncErrors;
  let match: RegExpMatchArray | null;
  if ((match = stored.match(/^cannot map: (.*)$/s))) {
    const reason = MAPPING.find(([pattern]) => pattern.test(match![1]));
    if (!reason) return stored;
    const n = match[1].match(reason[0])?.[1];
    return `${e.cannotMap}${e.sep}${fill(e.mapping[reason[1]], { n: n ?? "" })}`;
  }
  if ((match = stored.match(/^gave up after (\d+) attempts: (.*)$/s))) return `${fill(e.gaveUp, { n: match[1] })}${e.sep}${answerText(t, match[2])}`;
  if ((match = stored.match(/^unsigned answer, (\d+) attempts: (.*)$/s))) return `${fill(e.unsignedFailed, { n: match[1] })}${e.sep}${answerText(t, match[2])}`;
  return answerText(t, stored);
}

/** "HTTP 400 · PARAM_ERROR · WeChat's message · unsigned answer", or a network failure. */
function answerText(t: T, text: string): string {
  return text
    .split(" · ")
    .map((part) => partText(t, part))
    .join(" · ");
}

function partText(t: T, part: string): string {
  const e = t.syncErrors;
  let match: RegExpMatchArray | null;
  if (part === "unsigned answer") return e.unsignedAnswer;
  if ((match = part.match(/^unverifiable response: (.*)$/s))) return fill(e.unverifiable, { check: signatureText(t.sync, match[1]) });
  if ((match = part.match(/^no answer within (\d+) ms$/))) return fill(e.noAnswer, { ms: match[1] });
  // The socket's own message is for logs; its code (ECONNREFUSED, …) is what an operator can search.
  if ((match = part.match(/^network error: (?:([A-Z][A-Z0-9_]+)(?= |$))?/))) return [e.networkError, match[1]].filter(Boolean).join(" ");
  if ((match = part.match(/^answer cut off: (.*)$/s))) return `${e.cutOff}${e.sep}${partText(t, match[1])}`;
  return part;
}
