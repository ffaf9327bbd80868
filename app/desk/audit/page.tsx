import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { auditHref, readAuditFilters } from "@/lib/audit/filters";
import { listAuditEntries, listAuditPeople } from "@/lib/audit/queries";
import { getSettings } from "@/lib/settings";
import { AuditFilterForm, AuditTable, auditExportHref } from "@/components/desk/audit-log";
import { DeskPager } from "@/components/desk/article-views";

export const metadata: Metadata = { title: "Audit log | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The admin's audit log: who changed what, when and from where; filtered, paged and exportable. */
export default async function AuditPage({ searchParams }: Props) {
  const [params, user] = await Promise.all([searchParams, requireDeskUser()]);
  // Not "forbidden": to anyone but an admin this screen does not exist.
  if (!can(user, "read:audit")) notFound();
  const reading = readAuditFilters(params);
  const [{ timeZone }, people] = await Promise.all([getSettings(), listAuditPeople()]);
  const listing = reading.ok ? await listAuditEntries(reading.filters, timeZone) : null;
  const filtered = reading.ok && Boolean(reading.filters.actor || reading.filters.kind || reading.filters.from || reading.filters.to);
  return (
    <>
      <div className="page-heading">
        <h1>Audit log</h1>
        {reading.ok ? (
          <a className="button" href={auditExportHref(reading.filters)} download>
            Export CSV
          </a>
        ) : null}
      </div>
      <p className="hint">
        Sign-ins, account and role changes, settings and sections, and every publication decision, newest first. Entries
        cannot be changed or removed.
      </p>
      <AuditFilterForm
        values={reading.ok ? reading.filters : reading.typed}
        errors={reading.ok ? {} : reading.fieldErrors}
        people={people}
        timeZone={timeZone}
      />
      {reading.ok && listing ? (
        <>
          <AuditTable rows={listing.rows} timeZone={timeZone} empty={filtered ? "No entries match these filters." : "Nothing has been recorded yet."} />
          <DeskPager window={listing.window} hrefFor={(page) => auditHref("/desk/audit", { ...reading.filters, page })} label="Audit log pages" />
        </>
      ) : (
        <p className="form-error" role="alert">
          Some filters need attention: fix them above to see the entries.
        </p>
      )}
    </>
  );
}
