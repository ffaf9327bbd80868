import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listCancelledAssignments, listFiledAssignments, listOpenAssignments } from "@/lib/assignments/queries";
import { pageNumberParam } from "@/lib/paging";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings";
import { AssignmentTable } from "@/components/desk/assignment-table";
import { DeskPager } from "@/components/desk/article-views";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Stories assigned by the desk: editors see them all, reporters the ones given to them. */
export default async function AssignmentsPage({ searchParams }: Props) {
  const [params, user] = await Promise.all([searchParams, requireDeskUser()]);
  // Each list pages on its own (`?open=2`, `?filed=3`, `?cancelled=2`).
  const pages = {
    open: pageNumberParam.parse(params.open),
    filed: pageNumberParam.parse(params.filed),
    cancelled: pageNumberParam.parse(params.cancelled),
  };
  const [open, filed, cancelled, { timeZone }] = await Promise.all([
    listOpenAssignments(user, { page: pages.open, per: 50 }),
    listFiledAssignments(user, { page: pages.filed, per: 25 }),
    listCancelledAssignments(user, { page: pages.cancelled, per: 10 }),
    getSettings(),
  ]);
  const hrefFor = (list: keyof typeof pages) => (page: number) => {
    const query = new URLSearchParams();
    const next = { ...pages, [list]: page };
    for (const [name, number] of Object.entries(next)) if (number > 1) query.set(name, String(number));
    return query.size ? `/desk/assignments?${query}` : "/desk/assignments";
  };
  const at = now();
  const assigns = can(user, "assign:story:any");
  return (
    <>
      <div className="page-heading">
        <h1>Assignments</h1>
        {assigns ? (
          <Link className="button" href="/desk/assignments/new">
            New assignment
          </Link>
        ) : null}
      </div>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open</h2>
        <AssignmentTable
          rows={open.rows}
          user={user}
          timeZone={timeZone}
          now={at}
          empty={assigns ? "No open assignments." : "Nothing has been assigned to you."}
        />
        <DeskPager window={open.window} hrefFor={hrefFor("open")} label="Pages of open assignments" />
      </section>
      <section aria-labelledby="filed-heading">
        <h2 id="filed-heading">Filed</h2>
        <AssignmentTable rows={filed.rows} user={user} timeZone={timeZone} now={at} empty="Nothing filed yet." />
        <DeskPager window={filed.window} hrefFor={hrefFor("filed")} label="Pages of filed assignments" />
      </section>
      {cancelled.rows.length > 0 ? (
        <section aria-labelledby="cancelled-heading">
          <h2 id="cancelled-heading">Cancelled</h2>
          <AssignmentTable rows={cancelled.rows} user={user} timeZone={timeZone} now={at} empty="Nothing cancelled." />
          <DeskPager window={cancelled.window} hrefFor={hrefFor("cancelled")} label="Pages of cancelled assignments" />
        </section>
      ) : null}
    </>
  );
}
