// Every dashboard mutation goes through here: session, role, zod input, audit entry, and an
// answer safe to show ({ data } or { error }), never a raw exception. The caller is re-read in the
// action's own transaction, so a session ended (or a role lost) a moment ago changes nothing.
//
// In a "use server" module (lib/actions/<resource>.ts):
//   export const updatePark = defineAction({ name, role, input, revalidate: ["/parks"], handler });
// The export is the server action the browser calls with the input alone; the session comes from
// the request, never from the client, and the listed paths are revalidated after a success
// (`after` may turn the result into what the browser gets, e.g. set a cookie and answer null).
// `updatePark.run(user, input)` runs it as a given user (tests, scripts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma";
import { getDb, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { localized } from "@/lib/actions/localized";
import { fieldProblem, type ActionProblem } from "@/lib/actions/problem";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";

export type ActionResult<T> = { data: T } | { error: string; problem?: ActionProblem };

/** Thrown by handlers for errors whose message is meant for the operator; `problem` lets it be worded in their language. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly problem?: ActionProblem,
  ) {
    super(message);
  }
}

class Refused extends Error {}

type Handler<S extends z.ZodType, R> = (
  input: z.infer<S>,
  ctx: { user: SessionUser; tx: Tx },
) => Promise<{ result: R; target?: string; details?: Record<string, unknown> }>;

/** A path to revalidate after a success: "/parks", or ["/", "layout"] for everything under it. */
type Revalidate = string | [string, "layout" | "page"];

export function defineAction<S extends z.ZodType, R, A = R>(spec: {
  name: string;
  role: Role;
  input: S;
  revalidate?: Revalidate[];
  /** After a success, in the request: what the browser receives instead of the handler's result. */
  after?: (result: NoInfer<R>) => Promise<A>;
  handler: Handler<S, R>;
}) {
  /** Runs the action as `user`; the handler and its audit entry share one transaction. */
  async function run(user: SessionUser | null, raw: unknown): Promise<ActionResult<R>> {
    if (!user) return { error: "unauthenticated" };
    if (!hasRole(user.role, spec.role)) return { error: "forbidden" };
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `invalid input: ${issue.path.join(".") || "value"}: ${issue.message}`, problem: { kind: "invalid", ...fieldProblem(issue) } };
    }
    try {
      const data = await getDb().$transaction(async (tx) => {
        const current = await tx.user.findUnique({ where: { id: user.id }, select: { role: true, disabled: true, sessionVersion: true } });
        const ended = !current || current.disabled || (user.sessionVersion !== undefined && user.sessionVersion !== current.sessionVersion);
        if (ended) throw new Refused("unauthenticated");
        if (!hasRole(current.role, spec.role)) throw new Refused("forbidden");
        const outcome = await spec.handler(parsed.data, { user: { ...user, role: current.role }, tx });
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
      if (error instanceof ActionError) return error.problem ? { error: error.message, problem: error.problem } : { error: error.message };
      if (error instanceof Refused) return { error: error.message };
      console.error(`action ${spec.name} failed`, error);
      return { error: "internal error" };
    }
  }

  /** The server action: the signed-in user of this request, whatever the browser sends. */
  async function action(raw: unknown): Promise<ActionResult<A>> {
    const result = await run(await getSessionUser(), raw);
    // The browser gets refusals in its reader's language; run() keeps the English for tests and logs.
    if ("error" in result) return localized(result);
    const data = spec.after ? await spec.after(result.data) : (result.data as unknown as A);
    for (const path of spec.revalidate ?? []) {
      if (Array.isArray(path)) revalidatePath(path[0], path[1]);
      else revalidatePath(path);
    }
    return { data };
  }
  return Object.assign(action, { run });
}
