/**
 * Paging, for every list that shows its rows a page at a time: the desk's views, the audit log,
 * the media library, assignments and the public listings.
 */

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
};

/** Which rows a page shows. A page past the end shows the last page rather than nothing. */
export function pageWindow(total: number, page: number, per: number): PageWindow {
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
  };
}

/** "Showing 26–50 of 73". */
export function showingLine({ from, to, total }: PageWindow): string {
  return `Showing ${from}–${to} of ${total}`;
}
