import Link from "next/link";
import { formatDateTime } from "@/lib/time/format";
import { auditHref, nobody, type AuditFilters } from "@/lib/audit/filters";
import { auditKinds, type AuditKind } from "@/lib/audit/kinds";
import type { AuditRow } from "@/lib/audit/queries";
import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "@/components/ui/field-error";
import { DeskTable } from "@/components/ui/desk-table";

const formId = "audit-filter";

/**
 * The audit log's filters as a plain GET form, so a filtered view is a link. A filter the server
 * could not read comes back with its message beside it and the typed value still in place.
 */
export function AuditFilterForm({
  values,
  errors,
  people,
  timeZone,
}: {
  values: Partial<Record<"actor" | "kind" | "from" | "to", string>>;
  errors: FieldErrors;
  people: { id: string; name: string; email: string }[];
  timeZone: string;
}) {
  const invalid = (name: string) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${formId}-${name}-error` } : {};
  const knownPerson = !values.actor || values.actor === nobody || people.some((person) => person.id === values.actor);
  const knownKind = !values.kind || Object.hasOwn(auditKinds, values.kind);
  return (
    <form className="view-filters" method="get" action="/desk/audit" role="search" aria-label="Filter the audit log" noValidate>
      <div className="field">
        <label htmlFor={`${formId}-actor`}>Person</label>
        <select id={`${formId}-actor`} name="actor" defaultValue={values.actor ?? ""} {...invalid("actor")}>
          <option value="">Anyone</option>
          <option value={nobody}>Nobody signed in (failed sign-ins)</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
          {knownPerson ? null : <option value={values.actor}>{values.actor}</option>}
        </select>
        <FieldError formId={formId} name="actor" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-kind`}>Kind</label>
        <select id={`${formId}-kind`} name="kind" defaultValue={values.kind ?? ""} {...invalid("kind")}>
          <option value="">Every kind</option>
          {(Object.entries(auditKinds) as [AuditKind, string][]).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
          {knownKind ? null : <option value={values.kind}>{values.kind}</option>}
        </select>
        <FieldError formId={formId} name="kind" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-from`}>From</label>
        <input id={`${formId}-from`} type="date" name="from" defaultValue={values.from ?? ""} {...invalid("from")} />
        <FieldError formId={formId} name="from" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-to`}>To</label>
        <input id={`${formId}-to`} type="date" name="to" defaultValue={values.to ?? ""} {...invalid("to")} />
        <FieldError formId={formId} name="to" errors={errors} />
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Filter
        </button>
        <Link href="/desk/audit">Clear</Link>
      </div>
      <p className="hint audit-zone">Dates are whole days in the newsroom&rsquo;s time zone, {timeZone}.</p>
    </form>
  );
}

/** The entries, newest first: when, who, what, from which address. */
export function AuditTable({ rows, timeZone, empty }: { rows: AuditRow[]; timeZone: string; empty: string }) {
  return (
    <DeskTable className="audit-table" columns={["When", "Person", "Kind", "What", "Address"]} rows={rows} empty={empty}>
      {(row) => (
        <tr>
          <td>
            <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, timeZone)}</time>
          </td>
          <td>{row.actorName ?? <span className="hint">Nobody signed in</span>}</td>
          <td>{row.kindLabel}</td>
          <td>
            {row.subjectHref ? <Link href={row.subjectHref}>{row.summary}</Link> : row.summary}
          </td>
          <td>{row.address || <span className="hint">None (the server)</span>}</td>
        </tr>
      )}
    </DeskTable>
  );
}

export function auditExportHref(filters: AuditFilters): string {
  return auditHref("/desk/audit/export", { ...filters, page: 1 });
}
