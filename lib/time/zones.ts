/**
 * Times typed in a time zone (the desk's `datetime-local` fields) and the UTC instants they mean,
 * with the daylight-saving changes in mind. Stored UTC, typed and shown in the newsroom's zone.
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { formatShortDate } from "./format";

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

/** The `datetime-local` value showing `date` in the newsroom's time zone. */
export function utcToZonedInput(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}
