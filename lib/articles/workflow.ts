/**
 * The editorial workflow: the one transition table. Every server action that moves an article
 * between states goes through `planTransition`; the desk's buttons come from `availableActions`.
 * Read it as the newsroom's handbook: each verb, the states it may leave, where it lands, who may
 * take it, and what it does to the public dates.
 */
import { canOn, type Actor, type OwnedArticle, type Permission } from "@/lib/auth/policy";
import type { HistoryKind } from "./history";

export const articleStatuses = [
  "draft",
  "submitted",
  "changes_requested",
  "approved",
  "scheduled",
  "published",
  "unpublished",
  "spiked",
] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** How each state is named on screen. */
export const statusLabels = {
  draft: "Draft",
  submitted: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
  spiked: "Spiked",
} satisfies Record<ArticleStatus, string>;

type Transition = {
  label: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  permission: Permission;
  /** Whether the article becomes (or stays) public: stamps publication dates. */
  publishes?: boolean;
  /** Whether a note is required (an editor asking for changes must say what). */
  requiresNote?: boolean;
  /**
   * Set when the story must be complete first (lib/articles/completeness.ts): how the refusal
   * says what is happening, "Before it goes to review, add …".
   */
  completeBefore?: string;
};

const beforePublication = ["draft", "submitted", "changes_requested", "approved", "scheduled"] as const;

export const transitions = {
  submit: {
    label: "Submit for review",
    from: ["draft", "changes_requested"],
    to: "submitted",
    permission: "submit:article:own",
    completeBefore: "goes to review",
  },
  requestChanges: {
    label: "Request changes",
    from: ["submitted", "approved"],
    to: "changes_requested",
    permission: "review:article:any",
    requiresNote: true,
  },
  approve: {
    label: "Approve",
    from: ["submitted"],
    to: "approved",
    permission: "review:article:any",
    completeBefore: "is approved",
  },
  schedule: {
    label: "Schedule",
    from: ["draft", "submitted", "approved", "scheduled"],
    to: "scheduled",
    permission: "publish:article:any",
    completeBefore: "is scheduled",
  },
  cancelSchedule: {
    label: "Cancel schedule",
    from: ["scheduled"],
    to: "approved",
    permission: "publish:article:any",
  },
  publish: {
    label: "Publish",
    from: ["draft", "submitted", "approved", "scheduled"],
    to: "published",
    permission: "publish:article:any",
    publishes: true,
    completeBefore: "is published",
  },
  republish: {
    label: "Republish",
    from: ["published"],
    to: "published",
    permission: "publish:article:any",
    publishes: true,
    completeBefore: "is republished",
  },
  unpublish: {
    label: "Unpublish",
    from: ["published"],
    to: "unpublished",
    permission: "publish:article:any",
  },
  spike: {
    label: "Spike",
    from: beforePublication,
    to: "spiked",
    permission: "spike:article:any",
  },
  restore: {
    label: "Restore to draft",
    from: ["spiked", "unpublished"],
    to: "draft",
    permission: "spike:article:any",
  },
} as const satisfies Record<string, Transition>;

export type WorkflowAction = keyof typeof transitions;
export const workflowActions = Object.keys(transitions) as WorkflowAction[];

/** The refusal's wording when `action` needs a complete story, or null when it does not. */
export function completeBefore(action: WorkflowAction): string | null {
  const transition: Transition = transitions[action];
  return transition.completeBefore ?? null;
}

export function isWorkflowAction(value: string): value is WorkflowAction {
  return Object.hasOwn(transitions, value);
}

export type WorkflowArticle = OwnedArticle & { status: ArticleStatus };

export type TransitionPlan =
  | { ok: true; action: WorkflowAction; from: ArticleStatus; to: ArticleStatus; publishes: boolean }
  | { ok: false; reason: "forbidden" | "invalid_transition" | "note_required"; message: string };

/**
 * Decides whether `actor` may take `action` on `article` now, and where it leads. Pure: the
 * commands call it inside their transaction, after re-reading the article.
 */
export function planTransition(
  action: WorkflowAction,
  article: WorkflowArticle,
  actor: Actor,
  note?: string | null,
): TransitionPlan {
  const transition: Transition = transitions[action];
  if (!canOn(actor, transition.permission, article)) {
    return { ok: false, reason: "forbidden", message: `You may not ${transition.label.toLowerCase()} this article.` };
  }
  if (!transition.from.includes(article.status)) {
    return {
      ok: false,
      reason: "invalid_transition",
      message: `An article that is ${statusLabels[article.status].toLowerCase()} cannot be moved by “${transition.label}”.`,
    };
  }
  if (transition.requiresNote && !note?.trim()) {
    return { ok: false, reason: "note_required", message: "Say what needs to change." };
  }
  return {
    ok: true,
    action,
    from: article.status,
    to: transition.to,
    publishes: Boolean(transition.publishes),
  };
}

/** A scheduled article as the scheduler finds it: when it is due, and who scheduled it. */
export type ScheduledArticle = { status: ArticleStatus; scheduledFor: Date | null; scheduledById: string | null };

/**
 * Decision 013: at its time, a scheduled run may publish the revision its scheduler signed off, in
 * the name of the editor who scheduled it, whatever their role is now. The right to publish was
 * checked when they scheduled it (the "schedule" transition needs it); the run only carries out
 * that decision, so it asks no permission of its own, but it acts only for that editor and only
 * once the time has come.
 */
export function scheduledRunMayPublish(article: ScheduledArticle, scheduledBy: { id: string }, now: Date): boolean {
  return (
    article.status === "scheduled" &&
    article.scheduledById === scheduledBy.id &&
    article.scheduledFor !== null &&
    article.scheduledFor.getTime() <= now.getTime()
  );
}

/** The plan of a scheduled run: publication under `scheduledRunMayPublish`, or a refusal saying why not. */
export function planScheduledRun(article: ScheduledArticle, scheduledBy: { id: string }, now: Date): TransitionPlan {
  if (!scheduledRunMayPublish(article, scheduledBy, now)) {
    return {
      ok: false,
      reason: "invalid_transition",
      message: "This article is no longer due to go live now on that editor's schedule.",
    };
  }
  return { ok: true, action: "publish", from: article.status, to: transitions.publish.to, publishes: true };
}

/**
 * Where a planned move lands, given the article's revisions. Approval is bound to the revision
 * approved (or scheduled): cancelling the schedule of an article edited since it was scheduled
 * sends it back to review, not to "approved".
 */
export function landingState(
  plan: { action: WorkflowAction; to: ArticleStatus },
  article: { version: number; approvedVersion: number | null },
): ArticleStatus {
  const editedSinceApproval = article.approvedVersion !== null && article.approvedVersion !== article.version;
  return plan.action === "cancelSchedule" && editedSinceApproval ? "submitted" : plan.to;
}

/** What saving new content does to an article's place in the workflow (`afterEdit`). */
export type EditOutcome = {
  /** Where the article stands after the save. */
  status: ArticleStatus;
  /** Whether the editor's sign-off is withdrawn (`approvedVersion` cleared). */
  resetsApproval: boolean;
  /** The history line the save leaves, if any. */
  event: Extract<HistoryKind, "edited-after-approval" | "edited-after-scheduling"> | null;
};

/**
 * What a save does beyond the new revision. Approval is bound to the exact revision approved, so
 * new content on an approved article sends it back to review. A scheduled article keeps its time
 * and the revision scheduled (decision 013): nothing moves, but its first save after scheduling
 * leaves a history line saying that edit will not go live then (later saves do not repeat it).
 */
export function afterEdit(article: { status: ArticleStatus; version: number; approvedVersion: number | null }): EditOutcome {
  if (article.status === "approved") return { status: "submitted", resetsApproval: true, event: "edited-after-approval" };
  const firstSinceScheduling = article.status === "scheduled" && article.approvedVersion === article.version;
  return { status: article.status, resetsApproval: false, event: firstSinceScheduling ? "edited-after-scheduling" : null };
}

/** The workflow actions `actor` may take on `article` in its current state, in table order. */
export function availableActions(article: WorkflowArticle, actor: Actor): WorkflowAction[] {
  return workflowActions.filter((action) => planTransition(action, article, actor, "-").ok);
}

/** States in which the article's text may be edited, and by whom: authors only when it is theirs to fix. */
export function canEditText(article: WorkflowArticle, actor: Actor): boolean {
  if (canOn(actor, "edit:article:any", article)) return article.status !== "spiked";
  return canOn(actor, "edit:article:own", article) && (article.status === "draft" || article.status === "changes_requested");
}
