/**
 * Publication dates as readers understand them. The first publication time is set once and never
 * changes; the public "Updated" time moves only when an editor republishes a significant update,
 * never on a technical save. Stored UTC, shown in the newsroom's time zone.
 */
import { formatLongDate } from "@/lib/time/format";

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

/** "Published in Dawn, October 11th, 2017", as printed under a story. */
export function printLine(newspaperName: string, publishedAt: Date, timeZone: string): string {
  return `Published in ${newspaperName}, ${formatLongDate(publishedAt, timeZone)}`;
}
