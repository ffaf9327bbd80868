/**
 * What the assignment screens read, limited by the policy's `visibleAssignmentsWhere(user)`:
 * editors see every assignment, reporters the ones given to them.
 */
import "server-only";
import { db } from "@/lib/db";
import { visibleAssignmentsWhere, type Actor } from "@/lib/auth/policy";
import { pageWindow, type PageWindow } from "@/lib/paging";
import type { ArticleStatus } from "@/lib/articles/workflow";
import type {
  AssignmentOrderByWithRelationInput,
  AssignmentWhereInput,
} from "@/lib/generated/prisma/models/Assignment";
import { assignableRoles, unfiledStatuses } from "./rules";

export type AssignmentRow = {
  id: string;
  brief: string;
  notes: string;
  assigneeId: string;
  assigneeName: string;
  assignedByName: string;
  sectionId: string | null;
  sectionName: string | null;
  deadline: Date;
  articleId: string | null;
  article: { id: string; headline: string; status: ArticleStatus } | null;
  cancelledAt: Date | null;
  cancelledByName: string | null;
};

const assignmentInclude = {
  assignee: { select: { name: true } },
  assignedBy: { select: { name: true } },
  cancelledBy: { select: { name: true } },
  article: { select: { id: true, headline: true, status: true } },
} as const;

type AssignmentRecord = {
  id: string;
  brief: string;
  notes: string;
  assigneeId: string;
  sectionId: string | null;
  deadline: Date;
  articleId: string | null;
  assignee: { name: string };
  assignedBy: { name: string };
  article: { id: string; headline: string; status: string } | null;
  cancelledAt: Date | null;
  cancelledBy: { name: string } | null;
};

function toRow(record: AssignmentRecord, sectionNames: Map<string, string>): AssignmentRow {
  return {
    id: record.id,
    brief: record.brief,
    notes: record.notes,
    assigneeId: record.assigneeId,
    assigneeName: record.assignee.name,
    assignedByName: record.assignedBy.name,
    sectionId: record.sectionId,
    sectionName: record.sectionId ? (sectionNames.get(record.sectionId) ?? null) : null,
    deadline: record.deadline,
    articleId: record.articleId,
    article: record.article ? { ...record.article, status: record.article.status as ArticleStatus } : null,
    cancelledAt: record.cancelledAt,
    cancelledByName: record.cancelledBy?.name ?? null,
  };
}

// An assignment's section is a plain id (the schema keeps no relation), so names come from one lookup.
async function sectionNames(): Promise<Map<string, string>> {
  const sections = await db.section.findMany({ select: { id: true, name: true } });
  return new Map(sections.map((section) => [section.id, section.name]));
}

const stillWithTheWriter: AssignmentWhereInput = {
  OR: [{ articleId: null }, { article: { status: { in: [...unfiledStatuses] } } }],
};

/** Assignments still to be filed: not cancelled, and not started or started and still with the writer. */
export const openWhere: AssignmentWhereInput = { AND: [{ cancelledAt: null }, stillWithTheWriter] };

/** Assignments whose article has gone to the editors. */
const filedWhere: AssignmentWhereInput = { AND: [{ cancelledAt: null }, { NOT: stillWithTheWriter }] };

const cancelledWhere: AssignmentWhereInput = { cancelledAt: { not: null } };

export type AssignmentPage = { rows: AssignmentRow[]; window: PageWindow };
type PageRequest = { page?: number; per?: number };

async function assignmentPage(
  user: Actor,
  where: AssignmentWhereInput,
  orderBy: AssignmentOrderByWithRelationInput[],
  { page = 1, per = 25 }: PageRequest,
): Promise<AssignmentPage> {
  const scoped = { AND: [visibleAssignmentsWhere(user), where] };
  const window = pageWindow(await db.assignment.count({ where: scoped }), page, per);
  const [records, names] = await Promise.all([
    db.assignment.findMany({ where: scoped, orderBy, skip: window.skip, take: window.take, include: assignmentInclude }),
    sectionNames(),
  ]);
  return { rows: records.map((record) => toRow(record, names)), window };
}

/** Assignments still to be filed, soonest deadline first (the overdue ones lead), a page at a time. */
export function listOpenAssignments(user: Actor, request: PageRequest = {}): Promise<AssignmentPage> {
  return assignmentPage(user, openWhere, [{ deadline: "asc" }, { id: "asc" }], request);
}

/** Assignments already filed, latest deadline first, a page at a time. */
export function listFiledAssignments(user: Actor, request: PageRequest = {}): Promise<AssignmentPage> {
  return assignmentPage(user, filedWhere, [{ deadline: "desc" }, { id: "desc" }], request);
}

/** Assignments called off, the latest cancelled first, a page at a time. */
export function listCancelledAssignments(user: Actor, request: PageRequest = {}): Promise<AssignmentPage> {
  return assignmentPage(user, cancelledWhere, [{ cancelledAt: "desc" }, { id: "desc" }], request);
}

/** One assignment, or null when it does not exist or `user` may not see it. */
export async function getAssignment(user: Actor, id: string): Promise<AssignmentRow | null> {
  const [record, names] = await Promise.all([
    db.assignment.findFirst({ where: { id, ...visibleAssignmentsWhere(user) }, include: assignmentInclude }),
    sectionNames(),
  ]);
  return record ? toRow(record, names) : null;
}

/** Who may be given a story, by name. */
export async function listAssignees(): Promise<{ id: string; name: string; role: string }[]> {
  return db.user.findMany({
    where: { active: true, role: { in: [...assignableRoles] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}
