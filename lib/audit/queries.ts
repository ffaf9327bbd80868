/**
 * What the admin's audit page and its CSV export read: entries newest first, shaped for the
 * screen, with the person's name and email (never anything else of theirs). Callers check
 * `can(user, "read:audit")` first.
 */
import "server-only";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/time/format";
import { pageWindow, type PageWindow } from "@/lib/paging";
import { auditCsvHeader, auditCsvRow, csvByteOrderMark, csvRow } from "./csv";
import { auditPageSize, auditWhere, type AuditFilters } from "./filters";
import { auditKinds, isAuditKind } from "./kinds";

export type AuditRow = {
  id: string;
  at: Date;
  kind: string;
  kindLabel: string;
  actorName: string | null;
  actorEmail: string | null;
  address: string;
  subject: string;
  /** The desk page of what the entry concerns, when there is one. */
  subjectHref: string | null;
  summary: string;
  detail: string;
};

const newestFirst = [{ at: "desc" as const }, { id: "desc" as const }];
const entrySelect = {
  id: true,
  at: true,
  kind: true,
  address: true,
  subject: true,
  summary: true,
  detail: true,
  actor: { select: { name: true, email: true } },
} as const;

type EntryRecord = {
  id: string;
  at: Date;
  kind: string;
  address: string;
  subject: string;
  summary: string;
  detail: string;
  actor: { name: string; email: string } | null;
};

function toRow(entry: EntryRecord): AuditRow {
  const { actor, ...rest } = entry;
  return {
    ...rest,
    kindLabel: isAuditKind(entry.kind) ? auditKinds[entry.kind] : entry.kind,
    actorName: actor?.name ?? null,
    actorEmail: actor?.email ?? null,
    subjectHref: subjectHref(entry.subject),
  };
}

function subjectHref(subject: string): string | null {
  const [type, id] = subject.split(":", 2);
  if (!id) return null;
  if (type === "article") return `/desk/articles/${encodeURIComponent(id)}`;
  if (type === "user") return "/desk/users";
  if (type === "section") return "/desk/settings";
  return null;
}

export async function listAuditEntries(filters: AuditFilters, timeZone: string): Promise<{ rows: AuditRow[]; window: PageWindow }> {
  const where = auditWhere(filters, timeZone);
  const total = await db.auditEntry.count({ where });
  const window = pageWindow(total, filters.page, auditPageSize);
  const entries = await db.auditEntry.findMany({ where, orderBy: newestFirst, skip: window.skip, take: window.take, select: entrySelect });
  return { rows: entries.map(toRow), window };
}

/** Everyone who could appear as the person of an entry, by name, for the person filter. */
export function listAuditPeople(): Promise<{ id: string; name: string; email: string }[]> {
  return db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } });
}

const exportBatch = 500;

/**
 * The filtered entries as CSV, newest first, read a batch at a time as the download is consumed.
 * Each batch continues after the last entry sent (a cursor), so entries written during the
 * download neither repeat nor shift rows.
 */
export function auditCsvStream(filters: AuditFilters, timeZone: string): ReadableStream<Uint8Array> {
  const where = auditWhere(filters, timeZone);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvByteOrderMark + csvRow(auditCsvHeader)));
      }
      const entries: EntryRecord[] = await db.auditEntry.findMany({
        where,
        orderBy: newestFirst,
        take: exportBatch,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: entrySelect,
      });
      const text = entries
        .map(toRow)
        .map((row) => auditCsvRow({ ...row, atShown: formatDateTime(row.at, timeZone) }))
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      cursor = entries.at(-1)?.id ?? cursor;
      if (entries.length < exportBatch) controller.close();
    },
  });
}
