import Link from "next/link";
import type { Actor } from "@/lib/auth/policy";
import type { AssignmentRow } from "@/lib/assignments/queries";
import { assignmentStanding, canStartAssignment } from "@/lib/assignments/rules";
import { formatDateTime } from "@/lib/time/format";
import { statusLabels } from "@/lib/articles/workflow";
import { deskHeadline } from "@/lib/articles/desk-title";
import { DeskTable } from "@/components/ui/desk-table";

/** Assignments with their writer, section, deadline (in the newsroom's time zone) and article. */
export function AssignmentTable({
  rows,
  user,
  timeZone,
  now,
  empty,
}: {
  rows: AssignmentRow[];
  user: Actor;
  timeZone: string;
  now: Date;
  empty: string;
}) {
  return (
    <DeskTable className="assignment-table" columns={["Brief", "Assignee", "Section", "Deadline", "Article"]} rows={rows} empty={empty}>
      {(row) => (
        <tr>
          <td>
            <Link href={`/desk/assignments/${row.id}`}>{row.brief}</Link>
          </td>
          <td>{row.assigneeName}</td>
          <td>{row.sectionName ?? "—"}</td>
          <td>
            <time dateTime={row.deadline.toISOString()}>{formatDateTime(row.deadline, timeZone)}</time>
            {assignmentStanding({ deadline: row.deadline, articleStatus: row.article?.status ?? null, cancelledAt: row.cancelledAt }, now) ===
            "overdue" ? (
              <span className="status status-overdue">Overdue</span>
            ) : null}
          </td>
          <td>
            <AssignmentArticle row={row} user={user} />
          </td>
        </tr>
      )}
    </DeskTable>
  );
}

function AssignmentArticle({ row, user }: { row: AssignmentRow; user: Actor }) {
  if (row.article) {
    return (
      <>
        <span className={`status status-${row.article.status}`}>{statusLabels[row.article.status]}</span>
        <Link href={`/desk/articles/${row.article.id}`}>{deskHeadline(row.article.headline)}</Link>
      </>
    );
  }
  if (canStartAssignment(row, user)) {
    return (
      <Link className="button" href={`/desk/articles/new?assignment=${row.id}`}>
        Start writing
      </Link>
    );
  }
  return <span className="hint">Not started</span>;
}
