/**
 * The audit page's filters, read from the URL's query string so a filtered view is a link: person,
 * kind, and a date range in the newsroom's time zone, plus the page. Unlike the article lists, a
 * filter that cannot be read is not silently dropped: the admin is told which one and why, since a
 * quietly widened audit query would mislead. Pure; lib/audit/queries.ts runs `auditWhere`.
 */
import { z } from "zod";
import { zonedInputToUtc } from "@/lib/time/zones";
import { pageNumberParam, queryValue } from "@/lib/paging";
import type { AuditEntryWhereInput } from "@/lib/generated/prisma/models/AuditEntry";
import { auditKinds, type AuditKind } from "./kinds";

/** The person filter's value for entries with no signed-in actor (failed sign-ins). */
export const nobody = "nobody";

export const auditPageSize = 50;

const kindNames = Object.keys(auditKinds) as [AuditKind, ...AuditKind[]];
const daySchema = z.iso.date({ error: "Give a date as YYYY-MM-DD, e.g. 2026-03-29." });
const dayParam = z.preprocess(queryValue, daySchema.optional());
const isDay = (value: string | undefined): value is string => daySchema.safeParse(value).success;

export const auditFilterSchema = z
  .object({
    actor: z.preprocess(
      queryValue,
      z.string().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Choose a person from the list." }).optional(),
    ),
    kind: z.preprocess(queryValue, z.enum(kindNames, { error: "Choose a kind from the list." }).optional()),
    from: dayParam,
    to: dayParam,
    page: pageNumberParam,
  })
  // Zod runs this even when a date was unreadable; that date has its own message already.
  .refine((filters) => !isDay(filters.from) || !isDay(filters.to) || filters.from <= filters.to, {
    path: ["to"],
    error: "The end date is before the start date.",
  });

export type AuditFilters = z.infer<typeof auditFilterSchema>;

export type AuditFilterReading =
  | { ok: true; filters: AuditFilters }
  | { ok: false; fieldErrors: Partial<Record<keyof AuditFilters, string[]>>; typed: Record<string, string> };

/** The filters from the page's (or the export's) query string, or what is wrong with them. */
export function readAuditFilters(searchParams: Record<string, unknown>): AuditFilterReading {
  const parsed = auditFilterSchema.safeParse(searchParams);
  if (parsed.success) return { ok: true, filters: parsed.data };
  // What was typed goes back into the form, so nothing is lost.
  const typed = Object.fromEntries(
    ["actor", "kind", "from", "to"].map((key) => [key, queryValue(searchParams[key])?.slice(0, 100) ?? ""]),
  );
  return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, typed };
}

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The `where` of a filtered view: both dates are whole days in the newsroom's zone, `to` included. */
export function auditWhere(filters: AuditFilters, timeZone: string): AuditEntryWhereInput {
  const conditions: AuditEntryWhereInput[] = [];
  if (filters.actor) conditions.push({ actorId: filters.actor === nobody ? null : filters.actor });
  if (filters.kind) conditions.push({ kind: filters.kind });
  const from = filters.from ? zonedInputToUtc(`${filters.from}T00:00`, timeZone) : null;
  const until = filters.to ? zonedInputToUtc(`${nextDay(filters.to)}T00:00`, timeZone) : null;
  if (from) conditions.push({ at: { gte: from } });
  if (until) conditions.push({ at: { lt: until } });
  return { AND: conditions };
}

/** The canonical link to a filtered view (`base` "/desk/audit") or its export; defaults left out. */
export function auditHref(base: string, filters: Partial<AuditFilters>): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "kind", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
