import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { getAssignment, listAssignees } from "@/lib/assignments/queries";
import { assignmentStanding, canCancelAssignment, canStartAssignment } from "@/lib/assignments/rules";
import { formatDateTime } from "@/lib/time/format";
import { utcToZonedInput } from "@/lib/time/zones";
import { listSections } from "@/lib/articles/desk-queries";
import { statusLabels } from "@/lib/articles/workflow";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings";
import { AssignmentForm } from "@/components/desk/assignment-form";
import { CancelAssignmentButton } from "@/components/desk/cancel-assignment-button";
import { deskHeadline } from "@/lib/articles/desk-title";

export const dynamic = "force-dynamic";

const standingLabels = { open: "Open", overdue: "Overdue", filed: "Filed", cancelled: "Cancelled" } as const;

/**
 * One assignment: the brief and notes for the writer; reassignment, deadline and cancelling for
 * editors. A cancelled one stays readable (its assignee's notification links here) and changes no more.
 */
export default async function AssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, user] = await Promise.all([params, requireDeskUser()]);
  const assignment = await getAssignment(user, id);
  if (!assignment) notFound();
  const assigns = can(user, "assign:story:any");
  const [{ timeZone }, assignees, sections] = await Promise.all([
    getSettings(),
    assigns ? listAssignees() : [],
    assigns ? listSections() : [],
  ]);
  const standing = assignmentStanding(
    { deadline: assignment.deadline, articleStatus: assignment.article?.status ?? null, cancelledAt: assignment.cancelledAt },
    now(),
  );
  return (
    <>
      <div className="page-heading">
        <h1>{assignment.brief}</h1>
        <p className="status-line">
          <span className={`status status-${standing}`}>{standingLabels[standing]}</span>{" "}
          <Link href="/desk/assignments">All assignments</Link>
        </p>
        {assignment.cancelledAt ? (
          <p className="hint">
            Cancelled by {assignment.cancelledByName ?? "someone no longer on the staff"} on{" "}
            <time dateTime={assignment.cancelledAt.toISOString()}>{formatDateTime(assignment.cancelledAt, timeZone)}</time>
          </p>
        ) : null}
      </div>
      <dl className="assignment-facts">
        <dt>Assignee</dt>
        <dd>{assignment.assigneeName}</dd>
        <dt>Assigned by</dt>
        <dd>{assignment.assignedByName}</dd>
        <dt>Section</dt>
        <dd>{assignment.sectionName ?? "—"}</dd>
        <dt>Deadline</dt>
        <dd>
          <time dateTime={assignment.deadline.toISOString()}>{formatDateTime(assignment.deadline, timeZone)}</time>
        </dd>
        <dt>Article</dt>
        <dd>
          {assignment.article ? (
            <>
              <span className={`status status-${assignment.article.status}`}>{statusLabels[assignment.article.status]}</span>
              <Link href={`/desk/articles/${assignment.article.id}`}>{deskHeadline(assignment.article.headline)}</Link>
            </>
          ) : canStartAssignment(assignment, user) ? (
            <Link className="button" href={`/desk/articles/new?assignment=${assignment.id}`}>
              Start writing
            </Link>
          ) : (
            "Not started"
          )}
        </dd>
      </dl>
      {assignment.notes ? (
        <section aria-labelledby="assignment-notes-heading">
          <h2 id="assignment-notes-heading">Notes</h2>
          <p className="assignment-notes">{assignment.notes}</p>
        </section>
      ) : null}
      {assigns && !assignment.cancelledAt ? (
        <section aria-labelledby="reassign-heading">
          <h2 id="reassign-heading">Reassign or reschedule</h2>
          <AssignmentForm
            assignmentId={assignment.id}
            sections={sections}
            assignees={assignees}
            timeZone={timeZone}
            assigneeLocked={Boolean(assignment.articleId)}
            initialValues={{
              brief: assignment.brief,
              notes: assignment.notes,
              sectionId: assignment.sectionId ?? "",
              assigneeId: assignment.assigneeId,
              deadline: utcToZonedInput(assignment.deadline, timeZone),
            }}
          />
        </section>
      ) : null}
      {canCancelAssignment(assignment, user) ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Call it off</h2>
          <p className="hint">Until someone starts writing it, the story can be cancelled; once started, spike its article instead.</p>
          <CancelAssignmentButton assignmentId={assignment.id} assigneeName={assignment.assigneeName} />
        </section>
      ) : null}
    </>
  );
}
