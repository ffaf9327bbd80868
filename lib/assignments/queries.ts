/**
 * What the assignment screens read, limited by the policy's `visibleAssignmentsWhere(user)`:
 * editors see every assignment, reporters the ones given to them.
 */
import "server-only";
import { db } from "@/lib/db";
import { visibleAssignmentsWhere, type Actor } from "@/lib/auth/policy";
import type { ArticleStatus } from "@/lib/articles/workflow";
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
};

const assignmentInclude = {
  assignee: { select: { name: true } },
  assignedBy: { select: { name: true } },
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
  };
}

// An assignment's section is a plain id (the schema keeps no relation), so names come from one lookup.
async function sectionNames(): Promise<Map<string, string>> {
  const sections = await db.section.findMany({ select: { id: true, name: true } });
  return new Map(sections.map((section) => [section.id, section.name]));
}

const openWhere = {
  OR: [{ articleId: null }, { article: { status: { in: [...unfiledStatuses] } } }],
};

/** Assignments still to be filed, soonest deadline first (the overdue ones lead). */
export async function listOpenAssignments(user: Actor): Promise<AssignmentRow[]> {
  const [records, names] = await Promise.all([
    db.assignment.findMany({
      where: { AND: [visibleAssignmentsWhere(user), openWhere] },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      take: 200,
      include: assignmentInclude,
    }),
    sectionNames(),
  ]);
  return records.map((record) => toRow(record, names));
}

/** Assignments already filed, latest deadline first. */
export async function listFiledAssignments(user: Actor, take = 25): Promise<AssignmentRow[]> {
  const [records, names] = await Promise.all([
    db.assignment.findMany({
      where: { AND: [visibleAssignmentsWhere(user), { NOT: openWhere }] },
      orderBy: [{ deadline: "desc" }, { id: "desc" }],
      take,
      include: assignmentInclude,
    }),
    sectionNames(),
  ]);
  return records.map((record) => toRow(record, names));
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
