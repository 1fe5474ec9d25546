// The markdown the bench prints (and the README quotes): machine and load first, then one
// table per part, then how the figures compare with the goals in issue 14.
import type { IntakeResult } from "./intake";
import type { LoadSummary, Machine } from "./machine";
import { WARMUP_FETCHES, type PagesResult } from "./pages";
import type { QueriesResult } from "./queries";
import type { SyncRun } from "./sync";

export type BenchResults = {
  mode: "quick" | "full";
  startedAt: string;
  machine: Machine;
  settings: Record<string, number>;
  load?: LoadSummary;
  minutes?: number;
  intake?: IntakeResult;
  queries?: QueriesResult;
  /** The dashboard queries at further sizes (--renewals 1000000,10000000). */
  moreQueries?: QueriesResult[];
  /** Signed-in page fetches over HTTP from the production build, per seeded size. */
  pages?: PagesResult[];
  /** Which run each part's figures come from: a partial run (--only) keeps the other parts of the last one. */
  partRuns?: Partial<Record<string, { mode: string; startedAt: string; load?: LoadSummary }>>;
  sync?: { runs: SyncRun[] };
};

/** Issue 14's goals: intake as ratios to the bare baseline in the same run, sync in absolute figures. */
const GOALS = { ofBaseline: 0.6, cpuTimesBaseline: 3, syncsPerSec: 300, syncCpuMsPerPush: 2 };
/** The baseline's own handler served by a Next route handler: the most any route handler can reach. */
const THROUGH_NEXT = "baseline-in-next";
/** The intake runs the goals name: c=1, c=50 and the duplicate storm. */
const INTAKE_GOAL_RUNS = [{ kind: "unique", connections: 1 }, { kind: "unique", connections: 50 }, { kind: "storm", connections: 50 }] as const;

/** A share as a percentage with one decimal, so 59.8 % is not printed as a goal of 60 % met. */
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
/** A CPU ratio to two decimals, so 3.02 × is not printed as a goal of 3 × met. */
const times = (ratio: number) => ratio.toFixed(2);

const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
const met = (ok: boolean) => (ok ? "met" : "**missed**");

function intakeSection(intake: IntakeResult): string[] {
  const lines = [
    `### Callback intake (${intake.secondsPerRun} s per server and concurrency, in ${intake.rounds ?? 1} rounds, the servers in a balanced order; ours = \`npm start\` production build, empty route = a route handler in the same app that only reads the body and answers, baseline = bare node:http + pg, baseline through Next = the baseline's own handler served by a route handler in the same app)`,
    "",
  ];
  const pick = (server: string, kind: string, connections: number) =>
    intake.rows.find((row) => row.server === server && row.kind === kind && row.connections === connections);
  const keys = [...new Set(intake.rows.map((row) => `${row.kind}:${row.connections}`))];
  const ratio = (a: number | null | undefined, b: number | null | undefined, unit: "%" | "×") =>
    !a || !b ? "–" : unit === "%" ? percent(a / b) : `${Math.round((a / b) * 10) / 10} ×`;
  const rows = keys.map((key) => {
    const [kind, c] = key.split(":");
    const ours = pick("app", kind, Number(c))!;
    const empty = pick("empty", kind, Number(c));
    const throughNext = pick(THROUGH_NEXT, kind, Number(c));
    const base = pick("baseline", kind, Number(c))!;
    const label = kind === "storm" ? `${c}, each notice ×5` : c;
    const accepted = (r: typeof ours) => (kind === "storm" ? `${r.acceptedPerSec} (${r.booked} booked)` : `${r.acceptedPerSec}`);
    return [
      label,
      accepted(ours),
      `${ours.p50} / ${ours.p95} / ${ours.p99}`,
      ours.errors,
      ours.cpuMsPerAnswer ?? "–",
      empty ? empty.acceptedPerSec : "–",
      empty?.cpuMsPerAnswer ?? "–",
      throughNext ? `${throughNext.acceptedPerSec} (${ratio(throughNext.acceptedPerSec, base.acceptedPerSec, "%")})` : "–",
      throughNext?.cpuMsPerAnswer ? `${throughNext.cpuMsPerAnswer} (${ratio(throughNext.cpuMsPerAnswer, base.cpuMsPerAnswer, "×")})` : "–",
      accepted(base),
      `${base.p50} / ${base.p95} / ${base.p99}`,
      base.errors,
      base.cpuMsPerAnswer ?? "–",
      ratio(ours.acceptedPerSec, base.acceptedPerSec, "%"),
      ratio(ours.cpuMsPerAnswer, base.cpuMsPerAnswer, "×"),
    ];
  });
  lines.push(
    table(
      ["concurrency", "ours accepted/s", "ours p50 / p95 / p99 ms", "ours errors", "ours CPU ms/answer", "empty route answers/s", "empty route CPU ms/answer", "baseline through Next accepted/s (of baseline)", "baseline through Next CPU ms/answer (× baseline)", "baseline accepted/s", "baseline p50 / p95 / p99 ms", "baseline errors", "baseline CPU ms/answer", "ours / baseline accepted/s (goal ≥ 60 %)", "ours / baseline CPU (goal ≤ 3 ×)"],
      rows,
    ),
  );
  lines.push("");
  for (const v of intake.verification) {
    const ok = v.bookedMoreThanOnce === 0 && v.missing === 0 && v.feeOrSyncMismatch === 0;
    lines.push(
      `Books check, ${v.server}: ${v.distinctTradeNos} trade_nos answered state 1 (${v.answeredState1} answers) → ${v.bookedOnce} booked exactly once, ` +
        `${v.bookedMoreThanOnce} more than once, ${v.missing} missing; ${v.bookedWithoutCountedAnswer} booked while the timed run stopped (answer not counted); ` +
        `fee entries and syncs ${v.feeOrSyncMismatch === 0 ? "match" : `off by ${v.feeOrSyncMismatch}`} — ${ok ? "OK" : "**FAILED**"}.`,
    );
  }
  const f = intake.footprint;
  if (f) {
    lines.push(
      "",
      `App process: \`npm start\` to a healthy /api/health in ${(f.startMs / 1000).toFixed(1)} s on an existing build (migrations already applied); ` +
        `RSS ${f.rssAtStartMiB ?? "–"} MiB at rest after start, ${f.rssPeakUnderLoadMiB ?? "–"} MiB peak under intake load, ${f.rssAtRestAfterMiB ?? "–"} MiB at rest after it.`,
    );
  }
  if (intake.builtFirst) lines.push("", "This run started with `next build` (no production build yet, or sources changed); the build is not in any figure.");
  return lines;
}

function queriesSection(q: QueriesResult): string[] {
  return [
    `### Dashboard queries (${q.renewals.toLocaleString("en")} renewals, ${q.parks} parks, ${q.days ?? 730} days; ${Math.max(...q.queries.map((query) => query.runs))} runs each, ` +
      `the "before" references ${Math.min(...q.queries.map((query) => query.runs))}; ` +
      `${q.reusedSeed ? "seeded database reused from .data/bench" : `seeded now in ${q.seedSeconds} s`}; goal p95 ≤ ${dashboardGoal(q.renewals)} ms)`,
    "",
    table(
      ["query or page (lib/queries)", "runs", "p50 ms", "p95 ms", "load (1 min)", "indexes used", "seq scans"],
      q.queries.map((query) => [query.name, query.runs, query.p50, query.p95, query.load1m ?? "–", query.indexes.join(", ") || "–", query.seqScans.join(", ") || "–"]),
    ),
  ];
}

/** Issue 14: every dashboard query and page p95 ≤ 100 ms at a million renewals, ≤ 300 ms at ten million. */
const dashboardGoal = (renewals: number) => (renewals >= 5_000_000 ? 300 : 100);

function pagesSection(p: PagesResult): string[] {
  return [
    `### Dashboard pages over HTTP (${p.renewals.toLocaleString("en")} renewals; \`npm start\` production build, signed in, whole HTML; ` +
      `${p.pages[0]?.runs} timed fetches each after ${WARMUP_FETCHES} warm-up fetches, whose first and slowest are shown too; goal p95 ≤ ${dashboardGoal(p.renewals)} ms)`,
    "",
    table(
      ["page", "p50 ms", "p95 ms", "load (1 min)", "KiB", "the page's first fetch ms", `slowest of warm-up fetches 2–${WARMUP_FETCHES} ms`],
      p.pages.map((page) => [`\`${page.path}\``, page.p50, page.p95, page.load1m, Math.round(page.bytes / 1024), page.firstMs ?? "–", page.warmupMaxMs ?? "–"]),
    ),
  ];
}

function syncSection(runs: SyncRun[]): string[] {
  return [
    "### WeChat sync (lib/sync/worker.ts against the simulator in its own process)",
    "",
    table(
      ["settings", "SYNC_CONCURRENCY", "SYNC_RATE_LIMIT /s", "simulator latency", "syncs", "total s", "syncs/s", "worker CPU (1 core = 100 %)", "worker CPU ms per push", "machine CPU"],
      runs.map((r) => [r.settings, r.concurrency, r.ratePerSecond, `${r.latencyMs} ms`, `${r.synced} of ${r.syncs} synced${r.capped ? " (time cap)" : ""}, ${r.failed} failed`, r.seconds, r.syncsPerSec, `${r.processCpuPercent} %`, r.cpuMsPerPush ?? "–", r.machineCpuPercent === null ? "–" : `${r.machineCpuPercent} %`]),
    ),
  ];
}

function goalsSection(results: BenchResults): string[] {
  const lines = ["### Against the goals", ""];
  const intake = results.intake;
  for (const { kind, connections } of intake ? INTAKE_GOAL_RUNS : []) {
    const pick = (server: string) => intake!.rows.find((r) => r.server === server && r.kind === kind && r.connections === connections);
    const [ours, empty, throughNext, base] = [pick("app"), pick("empty"), pick(THROUGH_NEXT), pick("baseline")];
    if (!ours || !base) continue;
    const share = ours.acceptedPerSec / Math.max(1, base.acceptedPerSec);
    const cpu = ours.cpuMsPerAnswer && base.cpuMsPerAnswer ? ours.cpuMsPerAnswer / base.cpuMsPerAnswer : null;
    const emptyCpu = empty?.cpuMsPerAnswer && base.cpuMsPerAnswer ? empty.cpuMsPerAnswer / base.cpuMsPerAnswer : null;
    const ceilingShare = throughNext ? throughNext.acceptedPerSec / Math.max(1, base.acceptedPerSec) : null;
    const ceilingCpu = throughNext?.cpuMsPerAnswer && base.cpuMsPerAnswer ? throughNext.cpuMsPerAnswer / base.cpuMsPerAnswer : null;
    // A goal the baseline's own handler misses once it is served through Next is out of reach of any route handler.
    const verdict = (ok: boolean, ceilingOk: boolean | null) => (ok ? "met" : ceilingOk === false ? "missed, out of reach through Next" : met(false));
    lines.push(
      `- Intake, ${kind === "storm" ? `duplicate storm at concurrency ${connections}` : `concurrency ${connections}`}: ${ours.acceptedPerSec} accepted/s, ` +
        `${percent(share)} of the baseline (goal ≥ ${GOALS.ofBaseline * 100} %: ${verdict(share >= GOALS.ofBaseline, ceilingShare === null ? null : ceilingShare >= GOALS.ofBaseline)}` +
        `${ceilingShare === null ? "" : `; the baseline's handler through Next ${percent(ceilingShare)}, ours ${percent(share / Math.max(ceilingShare, 0.001))} of it`}), ` +
        `CPU ${cpu === null ? "–" : `${times(cpu)} ×`} the baseline's (goal ≤ ${GOALS.cpuTimesBaseline} ×: ` +
        `${verdict(cpu !== null && cpu <= GOALS.cpuTimesBaseline, ceilingCpu === null ? null : ceilingCpu <= GOALS.cpuTimesBaseline)}` +
        `${emptyCpu === null ? "" : `; the empty route alone ${times(emptyCpu)} ×`}` +
        `${ceilingCpu === null ? "" : `, the baseline's handler through Next ${times(ceilingCpu)} ×`}).`,
    );
  }
  for (const queries of [results.queries, ...(results.moreQueries ?? [])]) {
    if (!queries) continue;
    const measured = queries.queries.filter((query) => !query.name.startsWith("before")).sort((a, b) => b.p95 - a.p95);
    const goal = dashboardGoal(queries.renewals);
    const over = measured.filter((query) => query.p95 > goal);
    if (measured.length) {
      lines.push(
        `- Dashboard queries at ${queries.renewals.toLocaleString("en")} renewals: slowest p95 ${measured[0].p95} ms (${measured[0].name}, load ${measured[0].load1m ?? "?"}; ` +
          `goal ≤ ${goal} ms for every query: ${met(!over.length)}${over.length ? `; over: ${over.map((query) => `${query.name} ${query.p95} ms`).join(", ")}` : ""}).`,
      );
    }
  }
  for (const pages of results.pages ?? []) {
    const measured = [...pages.pages].sort((a, b) => b.p95 - a.p95);
    const goal = dashboardGoal(pages.renewals);
    const over = measured.filter((page) => page.p95 > goal);
    if (measured.length) {
      lines.push(
        `- Pages over HTTP at ${pages.renewals.toLocaleString("en")} renewals: slowest p95 ${measured[0].p95} ms (\`${measured[0].path}\`, load ${measured[0].load1m}; ` +
          `goal ≤ ${goal} ms for every page: ${met(!over.length)}${over.length ? `; over: ${over.map((page) => `\`${page.path}\` ${page.p95} ms`).join(", ")}` : ""}).`,
      );
    }
  }
  for (const r of results.sync?.runs.filter((run) => run.latencyMs === 50) ?? []) {
    const head = `- Sync with 50 ms latency, ${r.settings} (concurrency ${r.concurrency}, ${r.ratePerSecond}/s): ${r.syncsPerSec} syncs/s`;
    // The goal is for tuned settings; the defaults are held to SYNC_RATE_LIMIT on purpose.
    if (r.settings !== "tuned") {
      lines.push(`${head}, worker CPU ${r.cpuMsPerPush ?? "–"} ms per push (held to the configured rate limit; the goals are for tuned settings).`);
      continue;
    }
    lines.push(
      `${head} (goal ≥ ${GOALS.syncsPerSec}: ${met(r.syncsPerSec >= GOALS.syncsPerSec)}), worker CPU ${r.cpuMsPerPush ?? "–"} ms per push` +
        `${r.cpuMsPerPush == null ? "" : ` (goal ≤ ${GOALS.syncCpuMsPerPush}: ${met(r.cpuMsPerPush <= GOALS.syncCpuMsPerPush)})`}.`,
    );
  }
  return lines;
}

export function renderReport(results: BenchResults): { table: string; plans: string } {
  const { machine, load } = results;
  const lines = [
    `## Bench ${results.mode === "quick" ? "(--quick)" : "(full)"} — ${results.startedAt.slice(0, 16).replace("T", " ")} UTC, ${results.minutes ?? "?"} min`,
    "",
    `Machine: ${machine.cores} × ${machine.cpu}, ${machine.ramGiB} GiB RAM, Node.js ${machine.node}, ${machine.platform}. ` +
      (load ? `Load average (1 min) during the run: mean ${load.mean1m}, max ${load.max1m}; at start ${load.start.join(" / ")}, at end ${load.end.join(" / ")}.` : ""),
    "",
  ];
  if (results.intake) lines.push(...intakeSection(results.intake), "");
  for (const [part, run] of Object.entries(results.partRuns ?? {})) {
    if (run && run.startedAt !== results.startedAt) {
      lines.push(`The ${part} figures below come from a separate ${run.mode} run (${run.startedAt.slice(0, 16).replace("T", " ")} UTC, load mean ${run.load?.mean1m ?? "?"}, max ${run.load?.max1m ?? "?"}).`, "");
    }
  }
  for (const queries of [results.queries, ...(results.moreQueries ?? [])]) if (queries) lines.push(...queriesSection(queries), "");
  for (const pages of results.pages ?? []) lines.push(...pagesSection(pages), "");
  if (results.sync) lines.push(...syncSection(results.sync.runs), "");
  lines.push(...goalsSection(results));
  const plans = [results.queries, ...(results.moreQueries ?? [])]
    .flatMap((queries) => (queries ? queries.queries.map((query) => ({ ...query, name: `${query.name} (${queries.renewals.toLocaleString("en")} renewals)` })) : []))
    .map((query) => [`#### ${query.name}`, ...query.plans.map((p) => ["```sql", p.sql.trim(), "```", "```", p.plan, "```"].join("\n"))].join("\n"))
    .join("\n\n");
  return { table: lines.join("\n"), plans: plans ? `### EXPLAIN ANALYZE\n\n${plans}` : "" };
}
