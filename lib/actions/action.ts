// Every dashboard mutation goes through here: session, role, zod input, audit entry, and an
// answer safe to show ({ data } or { error }), never a raw exception.
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma";
import { getDb, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { fieldProblem, type ActionProblem } from "@/lib/actions/problem";
import { hasRole, type SessionUser } from "@/lib/auth/roles";

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

type Handler<S extends z.ZodType, R> = (
  input: z.infer<S>,
  ctx: { user: SessionUser; tx: Tx },
) => Promise<{ result: R; target?: string; details?: Record<string, unknown> }>;

export function defineAction<S extends z.ZodType, R>(spec: { name: string; role: Role; input: S; handler: Handler<S, R> }) {
  /** Runs the action as `user`; the handler and its audit entry share one transaction. */
  return async function run(user: SessionUser | null, raw: unknown): Promise<ActionResult<R>> {
    if (!user) return { error: "unauthenticated" };
    if (!hasRole(user.role, spec.role)) return { error: "forbidden" };
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `invalid input: ${issue.path.join(".") || "value"}: ${issue.message}`, problem: { kind: "invalid", ...fieldProblem(issue) } };
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
      if (error instanceof ActionError) return error.problem ? { error: error.message, problem: error.problem } : { error: error.message };
      console.error(`action ${spec.name} failed`, error);
      return { error: "internal error" };
    }
  };
}
