import "server-only";
import type { ActionResult } from "@/lib/actions/action";
import { localizeActionError } from "@/lib/i18n/action-errors";
import { getMessages } from "@/lib/i18n/server";

// Access refusals stay codes: the forms word them (useActionStatus) and the access table checks them.
const ACCESS = new Set(["unauthenticated", "forbidden"]);

/** What the browser gets: a refusal in the reader's language (the English stays for logs and tests). */
export async function localized<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (!("error" in result)) return result;
  if (ACCESS.has(result.error)) return { error: result.error };
  return { error: localizeActionError(await getMessages(), result) };
}
