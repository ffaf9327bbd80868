/**
 * Publication dates as readers understand them. The first publication time is set once and never
 * changes; the public "Updated" time moves only when an editor republishes a significant update,
 * never on a technical save. Stored UTC, shown in the newsroom's time zone.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export type PublicationDates = {
  publishedAt: Date | null;
  updatedStampAt: Date | null;
  lastPublishedAt: Date | null;
};

/** The dates an article carries after being (re)published at `now`. */
export function stampPublication(
  current: PublicationDates,
  now: Date,
  { significantUpdate }: { significantUpdate: boolean },
): PublicationDates {
  if (!current.publishedAt) {
    return { publishedAt: now, updatedStampAt: null, lastPublishedAt: now };
  }
  return {
    publishedAt: current.publishedAt,
    updatedStampAt: significantUpdate ? now : current.updatedStampAt,
    lastPublishedAt: now,
  };
}

/** The stamp shown in lists and beside the byline: the update if there is one, else the publication. */
export function publicStamp(dates: { publishedAt: Date; updatedStampAt: Date | null }): {
  kind: "published" | "updated";
  at: Date;
} {
  return dates.updatedStampAt && dates.updatedStampAt > dates.publishedAt
    ? { kind: "updated", at: dates.updatedStampAt }
    : { kind: "published", at: dates.publishedAt };
}

function parts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const formatted = new Intl.DateTimeFormat("en-GB", { timeZone, ...options }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => formatted.find((part) => part.type === type)?.value ?? "";
  return { day: get("day"), month: get("month"), year: get("year"), hour: get("hour"), minute: get("minute") };
}

/** "24 Feb, 2025": the short date of lists and stamps. */
export function formatShortDate(date: Date, timeZone: string): string {
  const { day, month, year } = parts(date, timeZone, { day: "numeric", month: "short", year: "numeric" });
  return `${day} ${month}, ${year}`;
}

/** "24 Feb, 2025 14:05": the short date with the time, for the desk. */
export function formatDateTime(date: Date, timeZone: string): string {
  const { hour, minute } = parts(date, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${formatShortDate(date, timeZone)} ${hour}:${minute}`;
}

export function ordinal(day: number): string {
  const lastTwo = day % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${day}th`;
  return `${day}${{ 1: "st", 2: "nd", 3: "rd" }[day % 10] ?? "th"}`;
}

/** "October 11th, 2017": the print line's long date. */
export function formatLongDate(date: Date, timeZone: string): string {
  const { day, month, year } = parts(date, timeZone, { day: "numeric", month: "long", year: "numeric" });
  return `${month} ${ordinal(Number(day))}, ${year}`;
}

/** "Published in Dawn, October 11th, 2017", as printed under a story. */
export function printLine(newspaperName: string, publishedAt: Date, timeZone: string): string {
  return `Published in ${newspaperName}, ${formatLongDate(publishedAt, timeZone)}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const localInputPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value ("2026-03-29T02:30") typed by someone thinking in the newsroom's time
 * zone, as the UTC instant it means. Null when the text is not such a value.
 */
export function zonedInputToUtc(value: string, timeZone: string): Date | null {
  const match = localInputPattern.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const zoned = new TZDate(year!, month! - 1, day!, hour!, minute!, second ?? 0, timeZone);
  return Number.isNaN(zoned.getTime()) ? null : new Date(zoned.getTime());
}

export type LocalTimeReading = { ok: true; at: Date } | { ok: false; skipped: boolean; error: string };

/**
 * A typed local time, read with the daylight-saving changes in mind. A time the clocks skip (01:30
 * on the night they go forward in London) does not exist, so it is refused rather than quietly
 * moved an hour; a time they pass twice (01:30 on the night they go back) means the first of the
 * two, the earlier instant.
 */
export function readLocalTime(value: string, timeZone: string): LocalTimeReading {
  const at = zonedInputToUtc(value, timeZone);
  if (!at) return { ok: false, skipped: false, error: "Give a date and time." };
  const typed = value.trim().slice(0, 16);
  if (utcToZonedInput(at, timeZone) !== typed) {
    const [day, time] = typed.split("T");
    const shown = formatShortDate(new Date(`${day}T12:00:00Z`), "UTC");
    return {
      ok: false,
      skipped: true,
      error: `There is no ${time} on ${shown} in ${timeZone}: the clocks go forward then. Choose another time.`,
    };
  }
  // Zones move by 30 minutes to 2 hours; the earliest instant that reads the same is the first pass.
  const earlier = [120, 60, 30]
    .map((minutes) => new Date(at.getTime() - minutes * 60_000))
    .find((candidate) => utcToZonedInput(candidate, timeZone) === typed);
  return { ok: true, at: earlier ?? at };
}

/** "UTC+01:00": the zone's offset from UTC at `date`, so a time that occurs twice is unambiguous. */
export function utcOffset(date: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return !name || name === "GMT" ? "UTC+00:00" : name.replace("GMT", "UTC");
}

/** "25 Oct, 2026 01:30 (Europe/London, UTC+01:00)": a moment for the desk's history, unambiguous. */
export function formatZonedMoment(date: Date, timeZone: string): string {
  return `${formatDateTime(date, timeZone)} (${timeZone}, ${utcOffset(date, timeZone)})`;
}

/** The `datetime-local` value showing `date` in the newsroom's time zone. */
export function utcToZonedInput(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}
