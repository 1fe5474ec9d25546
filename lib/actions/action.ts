// Every dashboard mutation goes through here: session, role, zod input, audit entry, and an
// answer safe to show ({ data } or { error }), never a raw exception.
//
// In a "use server" module (lib/actions/<resource>.ts):
//   export const updatePark = defineAction({ name, role, input, revalidate: ["/parks"], handler });
// The export is the server action the browser calls with the input alone; the session comes from
// the request, never from the client, and the listed paths are revalidated after a success.
// `updatePark.run(user, input)` runs it as a given user (tests, scripts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma";
import { getDb, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";

export type ActionResult<T> = { data: T } | { error: string };

/** Thrown by handlers for errors whose message is meant for the operator. */
export class ActionError extends Error {}

type Handler<S extends z.ZodType, R> = (
  input: z.infer<S>,
  ctx: { user: SessionUser; tx: Tx },
) => Promise<{ result: R; target?: string; details?: Record<string, unknown> }>;

/** A path to revalidate after a success: "/parks", or ["/", "layout"] for everything under it. */
type Revalidate = string | [string, "layout" | "page"];

export function defineAction<S extends z.ZodType, R>(spec: { name: string; role: Role; input: S; revalidate?: Revalidate[]; handler: Handler<S, R> }) {
  /** Runs the action as `user`; the handler and its audit entry share one transaction. */
  async function run(user: SessionUser | null, raw: unknown): Promise<ActionResult<R>> {
    if (!user) return { error: "unauthenticated" };
    if (!hasRole(user.role, spec.role)) return { error: "forbidden" };
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `invalid input: ${issue.path.join(".") || "value"}: ${issue.message}` };
    }
    try {
      const data = await getDb().$transaction(async (tx) => {
        const outcome = await spec.handler(parsed.data, { user, tx });
        await writeAudit(tx, {
          actor: user.username,
          action: spec.name,
          target: outcome.target,
          details: outcome.details as never,
        });
        return outcome.result;
      });
      return { data };
    } catch (error) {
      if (error instanceof ActionError) return { error: error.message };
      console.error(`action ${spec.name} failed`, error);
      return { error: "internal error" };
    }
  }

  /** The server action: the signed-in user of this request, whatever the browser sends. */
  async function action(raw: unknown): Promise<ActionResult<R>> {
    const result = await run(await getSessionUser(), raw);
    if ("data" in result) {
      for (const path of spec.revalidate ?? []) {
        if (Array.isArray(path)) revalidatePath(path[0], path[1]);
        else revalidatePath(path);
      }
    }
    return result;
  }
  return Object.assign(action, { run });
}
