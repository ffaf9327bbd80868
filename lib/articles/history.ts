/**
 * An article's history: the closed set of things the desk records about an article, how each
 * reads on screen, and the one function that writes a line. Every line, whether it comes from a
 * workflow move, a save, a restore, the article's creation or the seed, is written by
 * `recordEvent`, inside the transaction that makes the change, so the two land together or not at all.
 *
 * A kind is stored as it always was, in the event's `action` column: the name of a workflow action
 * (workflow.ts) or one of the few kinds below. Rename one only with a migration that rewrites old rows.
 *
 * No "server-only" here: nothing is opened by this module (the caller's transaction is), and the
 * desk's history component reads its labels.
 */
import { restoredRevisionNumber } from "./revisions";
import { transitions, workflowActions, type ArticleStatus, type WorkflowAction } from "./workflow";
import type { Tx } from "@/lib/db";
import { rowId } from "@/lib/row-id";
import { Prisma } from "@/lib/generated/prisma/client";

/** What is recorded besides workflow moves, and how each reads after the actor's name. */
const otherKinds = {
  create: "created the article",
  /** A save sent an approved article back to review (`afterEdit` in workflow.ts). */
  "edited-after-approval": "edited it after approval",
  /** The first save after scheduling: the revision scheduled is still the one that goes live. */
  "edited-after-scheduling": "edited it after it was scheduled",
  /** An older revision came back as a new one; the note names it (revisions.ts). */
  "restore-revision": "restored an earlier revision",
} as const;

export type HistoryKind = WorkflowAction | keyof typeof otherKinds;

/**
 * How each kind reads after the actor's name: "Rina Qureshi created the article". A workflow move
 * reads as its button does, so the history and the desk's buttons use the same words.
 */
export const historyLabels: Readonly<Record<HistoryKind, string>> = {
  ...otherKinds,
  ...(Object.fromEntries(workflowActions.map((action) => [action, transitions[action].label.toLowerCase()])) as Record<WorkflowAction, string>),
};

export const historyKinds = Object.keys(historyLabels) as HistoryKind[];

export function isHistoryKind(value: string): value is HistoryKind {
  return Object.hasOwn(historyLabels, value);
}

/** One line of an article's history as the desk records it. */
export type HistoryEvent = {
  articleId: string;
  kind: HistoryKind;
  /** Who did it; for a scheduled publication, the editor who scheduled it. */
  actorId: string;
  /** The state it left; null when it had none (its creation). */
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus;
  note?: string | null;
  /** For publish/republish: whether the editor marked it a significant update. */
  significant?: boolean;
  /** For a scheduled publication that happened after its time. */
  late?: boolean;
  at: Date;
};

/** The client itself (the seed) or a transaction. */
type HistoryWriter = Pick<Tx, "$executeRaw">;

/** A line as stored, which is what a subscriber (notifications) is given. */
export type StoredHistoryLine = HistoryRow & { id: string };

type HistoryRow = {
  articleId: string;
  actorId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  significant: boolean;
  late: boolean;
  createdAt: Date;
};

/** Writes `event` as a line of its article's history. Call it with the transaction that makes the change. */
export async function recordEvent(tx: HistoryWriter, event: HistoryEvent): Promise<StoredHistoryLine> {
  const line = historyLine(event);
  await tx.$executeRaw(historyLineInsert(line));
  return line;
}

/** `event` as the line to store, with its id (made here, so that it can be written with other rows). */
export function historyLine(event: HistoryEvent): StoredHistoryLine {
  return {
    id: rowId(),
    articleId: event.articleId,
    actorId: event.actorId,
    action: event.kind,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note ?? null,
    significant: event.significant ?? false,
    late: event.late ?? false,
    createdAt: event.at,
  };
}

/**
 * The line's insert, a plain statement: inside every publication, Prisma compiled its create
 * afresh each time (lib/row-id.ts). A publication sends it with its other writes (lib/writes-together.ts).
 */
export function historyLineInsert(line: StoredHistoryLine): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ArticleEvent" ("id", "articleId", "actorId", "action", "fromStatus", "toStatus", "note", "significant", "late", "createdAt")
    VALUES (${line.id}, ${line.articleId}, ${line.actorId}, ${line.action}, ${line.fromStatus}, ${line.toStatus}, ${line.note}, ${line.significant}, ${line.late}, ${line.createdAt})`;
}

/**
 * A stored line in words, and the note still worth showing under it: a restore's note is already
 * in its words ("restored revision 3"). A kind this version does not know is shown as stored.
 */
export function describeEvent(event: { action: string; note: string | null }): { says: string; note: string | null } {
  if (event.action === "restore-revision") {
    const restored = restoredRevisionNumber(event.note);
    if (restored !== null) return { says: `restored revision ${restored}`, note: null };
  }
  return { says: isHistoryKind(event.action) ? historyLabels[event.action] : event.action, note: event.note };
}

