/**
 * Which workflow moves reach the audit log, and how they read there. The article's own history
 * keeps every move; the audit log keeps the ones that decide what readers see: publish, republish,
 * unpublish, spike, schedule and its cancellation. Pure; lib/articles/commands/move-article.ts
 * writes the entry inside its transaction.
 */
import type { AuditKind } from "@/lib/audit/kinds";
import type { ArticleStatus, WorkflowAction } from "./workflow";

const auditedMoves = {
  publish: { kind: "article_published", verb: "Published" },
  republish: { kind: "article_republished", verb: "Republished" },
  unpublish: { kind: "article_unpublished", verb: "Unpublished" },
  spike: { kind: "article_spiked", verb: "Spiked" },
  schedule: { kind: "article_scheduled", verb: "Scheduled" },
  cancelSchedule: { kind: "article_unscheduled", verb: "Cancelled the schedule of" },
} as const satisfies Partial<Record<WorkflowAction, { kind: AuditKind; verb: string }>>;

export type ArticleMove = {
  action: WorkflowAction;
  headline: string;
  from: ArticleStatus;
  to: ArticleStatus;
  /** The revision that went live, for a publication. */
  revision?: number;
  significant?: boolean;
  /** For a schedule: the instant, and how the desk writes it in the newsroom's zone. */
  scheduledFor?: { at: Date; shown: string };
  /** Set when the scheduler published on its editor's behalf. */
  scheduler?: { late: boolean };
};

/** The entry's kind, summary and detail; null for moves the audit log leaves to the article's history. */
export function articleAuditEntry(move: ArticleMove): { kind: AuditKind; summary: string; detail: Record<string, unknown> } | null {
  if (!Object.hasOwn(auditedMoves, move.action)) return null;
  const { kind, verb } = auditedMoves[move.action as keyof typeof auditedMoves];
  const parts = [`${verb} "${move.headline}"`];
  if (move.scheduledFor && move.action === "schedule") parts.push(`for ${move.scheduledFor.shown}`);
  if (move.significant) parts.push("as a significant update");
  if (move.scheduler) parts.push(`by the scheduler, at its scheduled time${move.scheduler.late ? " (late)" : ""}, on the scheduling editor's authority`);
  return {
    kind,
    summary: parts.join(" "),
    detail: {
      before: { status: move.from },
      after: { status: move.to },
      ...(move.revision !== undefined ? { revision: move.revision } : {}),
      ...(move.significant ? { significantUpdate: true } : {}),
      ...(move.scheduledFor ? { scheduledFor: move.scheduledFor.at.toISOString() } : {}),
      ...(move.scheduler ? { scheduler: true, late: move.scheduler.late } : {}),
    },
  };
}
