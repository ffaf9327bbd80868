import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listMyArticles, listRecentlyPublished, listReviewQueue } from "@/lib/articles/desk-queries";
import { articleStatuses, statusLabels } from "@/lib/articles/workflow";
import { getSettings } from "@/lib/settings";
import { listOpenAssignments } from "@/lib/assignments/queries";
import { now } from "@/lib/time/clock";
import { ArticleTable } from "@/components/desk/article-table";
import { AssignmentTable } from "@/components/desk/assignment-table";

export const dynamic = "force-dynamic";

export default async function DeskHome() {
  const user = await requireDeskUser();
  const { timeZone } = await getSettings();
  if (can(user, "review:article:any")) {
    const [queue, published] = await Promise.all([listReviewQueue(user), listRecentlyPublished(user)]);
    return (
      <>
        <div className="page-heading">
          <h1>Desk</h1>
          <Link className="button" href="/desk/articles/new">
            New article
          </Link>
        </div>
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">Review queue</h2>
          <ArticleTable
            rows={queue}
            timeZone={timeZone}
            href={(row) => `/desk/articles/${row.id}/preview`}
            empty="Nothing is waiting for review."
          />
        </section>
        <section aria-labelledby="published-heading">
          <h2 id="published-heading">Recently published</h2>
          <ArticleTable rows={published} timeZone={timeZone} empty="Nothing published yet." />
        </section>
      </>
    );
  }
  const [mine, { rows: assignments, window: assignmentWindow }] = await Promise.all([
    listMyArticles(user),
    listOpenAssignments(user, { per: 10 }),
  ]);
  const groups = articleStatuses
    .map((status) => ({ status, rows: mine.filter((row) => row.status === status) }))
    .filter((group) => group.rows.length > 0);
  return (
    <>
      <div className="page-heading">
        <h1>My articles</h1>
        <Link className="button" href="/desk/articles/new">
          New article
        </Link>
      </div>
      {assignments.length > 0 ? (
        <section aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">Your assignments</h2>
          <AssignmentTable rows={assignments} user={user} timeZone={timeZone} now={now()} empty="" />
          {assignmentWindow.pageCount > 1 ? (
            <p>
              <Link href="/desk/assignments">All {assignmentWindow.total} of your open assignments</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {groups.length === 0 ? <p className="empty">You have no articles yet. Start one with “New article”.</p> : null}
      {groups.map((group) => (
        <section key={group.status} aria-labelledby={`group-${group.status}`}>
          <h2 id={`group-${group.status}`}>{statusLabels[group.status]}</h2>
          <ArticleTable rows={group.rows} timeZone={timeZone} empty="" />
        </section>
      ))}
    </>
  );
}
