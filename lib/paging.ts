/**
 * Paging, for every list that shows its rows a page at a time: the desk's views, the audit log,
 * the media library, assignments and the public listings; and the query-string values such lists
 * are read from, so a hand-edited or stale URL never fails.
 */
import { z } from "zod";

/** A query-string value: the first of repeated parameters, trimmed; empty counts as absent. */
export function queryValue(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
}

/** A page number from the query string; anything unreadable is page 1. */
export const pageNumberParam = z.preprocess(queryValue, z.coerce.number().int().min(1).max(100_000)).catch(1);

/** How many pages `total` rows fill at `per` a page: always at least one, so an empty list has a page. */
export function pageCount(total: number, per: number): number {
  return Math.max(1, Math.ceil(total / per));
}

export type PageWindow = {
  page: number;
  pageCount: number;
  skip: number;
  take: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  total: number;
  /** Whether there are more rows than `total`: counting stopped there (`countLimit`). */
  more: boolean;
};

/**
 * How far a long list is counted: "of more than 10,000". A list of a million rows is counted no
 * further than this, or than the page asked for, so its count costs no more than its pages do.
 */
export const countLimit = 10_000;

/**
 * How far a list filtered by words is counted: "of more than 1,000". Counting which headlines hold
 * a word reads every one that does; at a million articles, ten thousand of them took 150 ms.
 */
export const searchCountLimit = 1_000;

/** The count to stop at for `page` (count up to it plus one row, to know whether there are more). */
export function countCap(page: number, per: number, limit: number = countLimit): number {
  return Math.max(limit, page * per);
}

/**
 * Which rows a page shows. A page past the end shows the last page rather than nothing. `more`:
 * `total` is where counting stopped, and there are more rows after it.
 */
export function pageWindow(total: number, page: number, per: number, { more = false }: { more?: boolean } = {}): PageWindow {
  const pages = pageCount(total, per);
  const current = Math.min(Math.max(1, page), pages);
  const skip = (current - 1) * per;
  return {
    page: current,
    pageCount: pages,
    skip,
    take: per,
    from: total === 0 ? 0 : skip + 1,
    to: Math.min(skip + per, total),
    total,
    more,
  };
}

/** "Showing 26–50 of 73", or "Showing 1–25 of more than 10,000". */
export function showingLine({ from, to, total, more }: PageWindow): string {
  return `Showing ${from}–${to} of ${more ? `more than ${total.toLocaleString("en")}` : total}`;
}
