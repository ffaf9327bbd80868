/**
 * Moves an article through the workflow: submit, request changes, approve, schedule, publish,
 * republish, unpublish, spike, restore. The transition table decides (lib/articles/workflow.ts);
 * this command reads the article, plans, and writes the plan's effects on the row (dates,
 * schedule, approval, live revision) with the history line in one transaction, on the condition
 * that the row is still as it was read. Nothing changes when the plan is refused.
 *
 * When the move changes what readers see (a publication, a republication, a withdrawal, a spike of
 * a live article), the search index follows in the same transaction, the other server processes are
 * told which pages to drop when it commits, and then this process's cached pages that showed or now
 * show the article are refreshed.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma, type Article, type PrismaClient } from "@/lib/generated/prisma/client";
import { dateOf, type StoredDate } from "@/lib/raw-values";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { auditInsert } from "@/lib/audit/record";
import { historyLineNoticesInsert } from "@/lib/notifications/queue";
import { writeTogether } from "@/lib/writes-together";
import { rowId } from "@/lib/row-id";
import { jsonArrayColumn, jsonArrayOf } from "@/lib/sql-json";
import { publicChangeNotice, readPublicFootprints, refreshPublicPages } from "@/lib/public-cache";
import { sitemapMonth } from "@/lib/articles/sitemaps";
import { getSettings } from "@/lib/settings";
import { articleAuditEntry } from "../audit";
import { stampPublication } from "../dates";
import { isLive } from "../live";
import { historyLine, historyLineInsert } from "../history";
import { formatZonedMoment } from "@/lib/time/format";
import type { CorrectionKind } from "../schemas";
import { searchTextWrite } from "../search-index";
import { completeBefore, landingState, planScheduledRun, planTransition, type ArticleStatus, type WorkflowAction } from "../workflow";
import { incompleteMessage, missingForReview } from "../completeness";

export type MoveArticleInput = {
  articleId: string;
  action: WorkflowAction;
  note?: string;
  significantUpdate?: boolean;
  /** For "schedule": the instant it goes live; must be in the future. */
  scheduledFor?: Date;
  /** For "republish": a correction or clarification that comes with this revision. */
  correction?: { kind: CorrectionKind; text: string };
};

/**
 * Set by the scheduler when it publishes on an editor's behalf: the move is then planned by
 * `planScheduledRun` (decision 013), not by the actor's permissions, and the actor is the editor
 * who scheduled the article, as they are now.
 */
export type ScheduledRun = { late: boolean; note: string };

export async function moveArticle({
  input,
  actor,
  now,
  scheduledRun,
  context = noClient,
}: {
  input: MoveArticleInput;
  actor: Actor;
  now: Date;
  scheduledRun?: ScheduledRun;
  /** Where the request came from, for the audit log; the scheduler has no client. */
  context?: AuditContext;
}) {
  // The reads come first, side by side and outside any transaction; the writes follow in one
  // statement (lib/writes-together.ts): four statements where a transaction had seven, and no
  // connection held between them (docs/decisions/032). Reading outside it loses nothing: the update
  // changes the row only if it is still in the state and revision read, and in PostgreSQL's
  // transactions each statement had its own snapshot anyway. Every move reads the revision and the
  // footprints, needed or not: one round trip either way.
  // A scheduled run's editor may since have lost the right to see it; the schedule is the right.
  const visible = scheduledRun ? {} : visibleArticlesWhere(actor);
  // The revision at stake: the one a publication would put live (for the scheduler, the one that
  // was scheduled, never edits made after it; for an editor, what they are looking at).
  const atStake = scheduledRun ? `COALESCE("a"."approvedVersion", "a"."version")` : `"a"."version"`;
  // Only a schedule names a time (its note, its audit line), in the newsroom's zone.
  const [article, staked, footprints, timeZone] = await Promise.all([
    readArticle(db, input.articleId, visible.authorId),
    readRevision(db, input.articleId, atStake),
    readPublicFootprints(db, input.articleId, `(SELECT "sr"."id" FROM "Revision" AS "sr" WHERE "sr"."articleId" = "a"."id" AND "sr"."number" = ${atStake})`),
    input.action === "schedule" ? getSettings().then((settings) => settings.timeZone) : undefined,
  ]);
  if (!article) throw new DeskError("not_found", "That article does not exist.");
  const current = { ...article, status: article.status as ArticleStatus };
  const plan = scheduledRun ? planScheduledRun(current, actor, now) : planTransition(input.action, current, actor, input.note);
  if (!plan.ok) throw new DeskError(plan.reason, plan.message);
  // Readers can see it only while it is live: a story going out for the first time has no pages yet.
  const publicBefore = isLive(article) ? footprints.now : null;

  const significant = plan.action === "republish" && Boolean(input.significantUpdate);
  const liveVersion = scheduledRun ? (article.approvedVersion ?? article.version) : article.version;
  const purpose = completeBefore(plan.action);
  // The revision going to review, or going live: read once for both uses (again only when the
  // one at stake was another, as when a scheduled run sends the article back to review).
  const wanted = plan.publishes ? liveVersion : article.version;
  const revision = purpose || plan.publishes ? (staked?.number === wanted ? staked : await readRevision(db, article.id, String(wanted))) : null;
  if ((purpose || plan.publishes) && !revision) throw new DeskError("not_found", "The article's current revision is missing.");
  if (purpose && revision) requireComplete(article, revision, purpose);
  const liveRevisionId = plan.publishes ? revision?.id : undefined;
  // A save between the reads above: the update below would refuse it too.
  if (plan.publishes && footprints.revisionId !== liveRevisionId) throw new DeskError("conflict", conflictMessage);
  const to = landingState(plan, article);
  const stamped = plan.publishes ? stampPublication(article, now, { significantUpdate: significant }) : null;
  const changes = {
    status: to,
    ...(stamped ? { ...stamped, liveRevisionId, scheduledFor: null, scheduledById: null } : {}),
    ...scheduleChanges(plan.action, input, actor, now),
    // Approving and scheduling both sign off the current revision.
    ...(plan.action === "approve" || plan.action === "schedule" ? { approvedVersion: article.version } : {}),
    ...(to === "changes_requested" || to === "draft" || to === "submitted" || plan.publishes ? { approvedVersion: null } : {}),
    ...(to === "spiked" ? { scheduledFor: null, scheduledById: null } : {}),
  };
  const corrected = Boolean(input.correction && plan.action === "republish");
  const line = historyLine({
    articleId: article.id,
    kind: plan.action,
    actorId: actor.id,
    fromStatus: plan.from,
    toStatus: to,
    note:
      scheduledRun?.note ??
      (to === plan.to
        ? historyNote(input, article.version, timeZone)
        : `Revision ${article.version} was saved after it was scheduled, so the article is back in review.`),
    significant,
    late: scheduledRun?.late ?? false,
    at: now,
  });
  const notices = historyLineNoticesInsert(line, { now, corrected });
  const audit = articleAuditEntry({
    action: plan.action,
    headline: article.headline,
    from: plan.from,
    to,
    revision: plan.publishes ? liveVersion : undefined,
    significant,
    scheduledFor: plan.action === "schedule" && input.scheduledFor && timeZone ? { at: input.scheduledFor, shown: formatZonedMoment(input.scheduledFor, timeZone) } : undefined,
    scheduler: scheduledRun ? { late: scheduledRun.late } : undefined,
  });
  const readersAffected = plan.publishes || publicBefore !== null;
  // The index follows what readers see: a new live text, or none. (A live story that stays live
  // without a publication keeps its live revision, and its text.)
  const liveAfter = isLive({ status: to, liveRevisionId: plan.publishes ? (liveRevisionId ?? null) : article.liveRevisionId });
  const searchText = !readersAffected ? null : !liveAfter ? searchTextWrite(article.id, null) : plan.publishes && revision ? searchTextWrite(article.id, revision) : null;
  // Where it will show once written: with the revision going live, on the publication's date, and
  // with the correction this move adds.
  const publicAfter = !liveAfter
    ? null
    : plan.publishes && footprints.withRevision
      ? {
          ...footprints.withRevision,
          publishedMonth: sitemapMonth(stamped?.publishedAt ?? now),
          hasCorrections: footprints.withRevision.hasCorrections || corrected,
        }
      : publicBefore;
  // The other server processes hear of it in the same statement as the writes, when it commits.
  const announced = readersAffected ? publicChangeNotice({ articleId: article.id, before: publicBefore, after: publicAfter }) : null;
  const writes = [
    input.correction && plan.action === "republish" ? correctionInsert({ articleId: article.id, ...input.correction, revisionId: liveRevisionId ?? null, createdById: actor.id, createdAt: now }) : null,
    historyLineInsert(line),
    notices,
    audit && auditInsert({ ...audit, actorId: actor.id, address: context.address, subject: `article:${article.id}`, at: now }),
    searchText,
  ].filter((write): write is Prisma.Sql => Boolean(write));
  const updated = await writeTogether(db, articleUpdate(article, { ...changes, updatedAt: now }), writes, announced?.notice ? [announced.notice] : []);
  if (updated !== 1) throw new DeskError("conflict", conflictMessage);
  // Straight after the commit, with no query in between: no request can see the new state in the
  // database (the proxy reads it directly) and still get an old cached page.
  if (announced) await refreshPublicPages(announced.publicChange);
  return { id: article.id, status: to };
}

const conflictMessage = "The article changed while you were deciding. Look again.";

type Client = Pick<PrismaClient, "$queryRaw">;

/** The columns a move may change. */
const movableColumns = ["status", "publishedAt", "updatedStampAt", "lastPublishedAt", "liveRevisionId", "scheduledFor", "scheduledById", "approvedVersion", "updatedAt"] as const;
type ArticleMove = Partial<Pick<Article, (typeof movableColumns)[number]>>;

/**
 * The move's update, which changes the row only if the article is still in the state and revision
 * it was read in: a plain statement, as Prisma compiled its updateMany afresh in every publication.
 */
function articleUpdate(article: Pick<Article, "id" | "status" | "version">, changes: ArticleMove): Prisma.Sql {
  const assignments = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => {
      if (!(movableColumns as readonly string[]).includes(column)) throw new Error(`Not a column a move changes: ${column}`);
      return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`;
    });
  return Prisma.sql`
    UPDATE "Article" SET ${Prisma.join(assignments)}
    WHERE "id" = ${article.id} AND "status" = ${article.status} AND "version" = ${article.version}`;
}

/** A correction or clarification that comes with a republication, as a plain statement sent with the move's other writes. */
function correctionInsert(correction: { articleId: string; kind: CorrectionKind; text: string; revisionId: string | null; createdById: string; createdAt: Date }): Prisma.Sql {
  const { articleId, kind, text, revisionId, createdById, createdAt } = correction;
  return Prisma.sql`
    INSERT INTO "Correction" ("id", "articleId", "kind", "text", "revisionId", "createdById", "createdAt")
    VALUES (${rowId()}, ${articleId}, ${kind}, ${text}, ${revisionId}, ${createdById}, ${createdAt})`;
}

function scheduleChanges(action: WorkflowAction, input: MoveArticleInput, actor: Actor, now: Date) {
  if (action === "cancelSchedule") return { scheduledFor: null, scheduledById: null };
  if (action !== "schedule") return {};
  if (!input.scheduledFor || Number.isNaN(input.scheduledFor.getTime())) {
    throw new DeskError("invalid_input", "Choose when it goes live.");
  }
  if (input.scheduledFor.getTime() <= now.getTime()) {
    throw new DeskError("invalid_input", "Choose a time in the future, or publish now.");
  }
  return { scheduledFor: input.scheduledFor, scheduledById: actor.id };
}

function historyNote(input: MoveArticleInput, version: number, timeZone: string | undefined): string | null {
  if (input.action === "schedule" && input.scheduledFor && timeZone) {
    const when = `For ${formatZonedMoment(input.scheduledFor, timeZone)}, revision ${version}`;
    return [when, input.note?.trim()].filter(Boolean).join(". ");
  }
  if (input.correction) return `${input.correction.kind === "correction" ? "Correction" : "Clarification"}: ${input.correction.text}`;
  return input.note?.trim() || null;
}

/**
 * Refuses the move, naming every missing field at once, unless `revision` (the one going to
 * review, or going live) is complete. Kind and section are the article's own.
 */
function requireComplete(article: { kind: string; sectionId: string }, revision: StoredRevision, purpose: string) {
  const missing = missingForReview({ ...revision, kind: article.kind, sectionId: article.sectionId });
  if (Object.keys(missing).length) throw new DeskError("invalid_input", incompleteMessage(missing, purpose), missing as Record<string, string[]>);
}

type OptionalDate = "publishedAt" | "updatedStampAt" | "lastPublishedAt" | "scheduledFor";
/** An Article row as a plain statement returns it (lib/raw-values.ts). */
type StoredArticle = Omit<Article, OptionalDate | "createdAt" | "updatedAt" | "version" | "approvedVersion"> & { [date in OptionalDate]: StoredDate | null } & {
  createdAt: StoredDate;
  updatedAt: StoredDate;
  version: number | bigint;
  approvedVersion: number | bigint | null;
};

/** The article's row, in a plain statement (lib/raw-values.ts); `authorId`: only if it is theirs. */
async function readArticle(client: Client, id: string, authorId: string | undefined): Promise<Article | null> {
  const [row] = await client.$queryRaw<StoredArticle[]>`
    SELECT * FROM "Article" WHERE "id" = ${id}${authorId === undefined ? Prisma.empty : Prisma.sql` AND "authorId" = ${authorId}`}`;
  if (!row) return null;
  return {
    ...row,
    version: Number(row.version),
    approvedVersion: row.approvedVersion === null ? null : Number(row.approvedVersion),
    publishedAt: dateOf(row.publishedAt),
    updatedStampAt: dateOf(row.updatedStampAt),
    lastPublishedAt: dateOf(row.lastPublishedAt),
    scheduledFor: dateOf(row.scheduledFor),
    createdAt: dateOf(row.createdAt),
    updatedAt: dateOf(row.updatedAt),
  };
}

/**
 * One revision of the article, in a plain statement (lib/raw-values.ts): every publication reads it,
 * for its completeness and for the search index's text. `number`: SQL for its number, from the
 * article "a" (a number, or an expression of the article's columns); null when there is none.
 */
type StoredRevision = { id: string; number: number; headline: string; dateline: string; body: string; standfirst: string; bodyHtml: string; bylineIds: string[] };

async function readRevision(client: Client, articleId: string, number: string): Promise<StoredRevision | null> {
  const bylines = jsonArrayColumn(`"ra"."userId"`, `FROM "RevisionAuthor" AS "ra" WHERE "ra"."revisionId" = "r"."id"`);
  const [revision] = await client.$queryRaw<(Omit<StoredRevision, "bylineIds" | "number"> & { number: number | bigint; bylineIds: string | null })[]>`
    SELECT "r"."id", "r"."number", "r"."headline", "r"."dateline", "r"."body", "r"."standfirst", "r"."bodyHtml", ${Prisma.raw(bylines)} AS "bylineIds"
    FROM "Revision" AS "r" JOIN "Article" AS "a" ON "a"."id" = "r"."articleId"
    WHERE "a"."id" = ${articleId} AND "r"."number" = ${Prisma.raw(number)}`;
  return revision ? { ...revision, number: Number(revision.number), bylineIds: jsonArrayOf<string>(revision.bylineIds) } : null;
}
