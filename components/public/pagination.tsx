/**
 * "Newer" / "Older" links with stable, shareable URLs (?page=N, other parameters kept). A long
 * listing is counted only so far (lib/articles/listing-ids.ts): `more` says "of more than N". Plain links:
 * "?page=" addresses are rewritten to cached paths on the server (next.config.js), and the client
 * router, which does not apply query rewrites, would show the first page again.
 */
export function Pagination({
  path,
  page,
  pages,
  params = {},
  more = false,
}: {
  path: string;
  page: number;
  pages: number;
  params?: Record<string, string | undefined>;
  more?: boolean;
}) {
  if (pages <= 1 && !more) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
    if (target > 1) query.set("page", String(target));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {more ? `more than ${pages.toLocaleString("en")}` : pages}
      </span>
      {page < pages || more ? (
        <a href={href(page + 1)} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The page number from a query string: a positive whole number, else 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1;
}
