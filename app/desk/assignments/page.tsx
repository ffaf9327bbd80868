import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listFiledAssignments, listOpenAssignments } from "@/lib/assignments/queries";
import { now } from "@/lib/clock";
import { getSettings } from "@/lib/settings";
import { AssignmentTable } from "@/components/desk/assignment-table";

export const dynamic = "force-dynamic";

/** Stories assigned by the desk: editors see them all, reporters the ones given to them. */
export default async function AssignmentsPage() {
  const user = await requireDeskUser();
  const [open, filed, { timeZone }] = await Promise.all([
    listOpenAssignments(user),
    listFiledAssignments(user),
    getSettings(),
  ]);
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
          rows={open}
          user={user}
          timeZone={timeZone}
          now={at}
          empty={assigns ? "No open assignments." : "Nothing has been assigned to you."}
        />
      </section>
      <section aria-labelledby="filed-heading">
        <h2 id="filed-heading">Filed</h2>
        <AssignmentTable rows={filed} user={user} timeZone={timeZone} now={at} empty="Nothing filed yet." />
      </section>
    </>
  );
}
