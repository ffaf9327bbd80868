/**
 * The audit log as CSV (RFC 4180): every cell quoted, quotes doubled, rows ended with CRLF. Much of
 * an entry comes from outside (the email typed at a failed sign-in, a headline, a name), and a
 * spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a formula, so such a
 * cell gets a leading apostrophe: shown as text, never run. Pure.
 */

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Marks the file as UTF-8 for spreadsheets that would otherwise guess another encoding. */
export const csvByteOrderMark = "\uFEFF";

export const auditCsvHeader = ["Time (UTC)", "Time (newsroom)", "Person", "Email", "Kind", "Summary", "Subject", "Address", "Detail"] as const;

export type AuditCsvEntry = {
  at: Date;
  atShown: string;
  actorName: string | null;
  actorEmail: string | null;
  kindLabel: string;
  summary: string;
  subject: string;
  address: string;
  detail: string;
};

export function auditCsvRow(entry: AuditCsvEntry): string {
  return csvRow([
    entry.at.toISOString(),
    entry.atShown,
    entry.actorName ?? "",
    entry.actorEmail ?? "",
    entry.kindLabel,
    entry.summary,
    entry.subject,
    entry.address,
    entry.detail,
  ]);
}
