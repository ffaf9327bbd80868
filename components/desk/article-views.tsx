import Link from "next/link";
import {
  deskViewHref,
  pageSizes,
  stateChoices,
  viewDefinitions,
  type DeskView,
  type DeskViewQuery,
} from "@/lib/articles/desk-views";
import { showingLine, type PageWindow } from "@/lib/paging";
import { articleKinds, kindLabels } from "@/lib/articles/kinds";
import { statusLabels } from "@/lib/articles/workflow";

/** The views as tabs; each keeps the page size but starts the filters afresh. */
export function ViewTabs({ views, query }: { views: DeskView[]; query: DeskViewQuery }) {
  return (
    <nav className="view-tabs" aria-label="Article views">
      <ul>
        {views.map((view) => (
          <li key={view}>
            <Link
              href={deskViewHref({ view, page: 1, per: query.per })}
              aria-current={view === query.view ? "page" : undefined}
            >
              {viewDefinitions[view].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The filters as a plain GET form, so the result is a URL anyone can share. Submitting starts again
 * at page 1 because the form carries no page.
 */
export function ViewFilters({
  query,
  sections,
  authors,
}: {
  query: DeskViewQuery;
  sections: { slug: string; name: string }[];
  /** Null when the user may not filter by author (they see only their own work). */
  authors: { id: string; name: string }[] | null;
}) {
  return (
    <form className="view-filters" method="get" action="/desk/articles" role="search" aria-label="Filter articles">
      <input type="hidden" name="view" value={query.view} />
      <div className="field">
        <label htmlFor="filter-q">Headline contains</label>
        <input id="filter-q" type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="filter-section">Section</label>
        <select id="filter-section" name="section" defaultValue={query.section ?? ""}>
          <option value="">All sections</option>
          {sections.map((section) => (
            <option key={section.slug} value={section.slug}>
              {section.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kind">Kind</label>
        <select id="filter-kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">All kinds</option>
          {articleKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      {authors ? (
        <div className="field">
          <label htmlFor="filter-author">Author</label>
          <select id="filter-author" name="author" defaultValue={query.author ?? ""}>
            <option value="">Anyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-state">State</label>
        <select id="filter-state" name="state" defaultValue={query.state ?? ""}>
          <option value="">Any state</option>
          {stateChoices(query.view).map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-per">Per page</label>
        <select id="filter-per" name="per" defaultValue={String(query.per)}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Filter
        </button>
        <Link href={deskViewHref({ view: query.view, page: 1, per: query.per })}>Clear</Link>
      </div>
    </form>
  );
}

/** "Showing 26–50 of 73" with Previous and Next links that keep every filter. */
export function ViewPager({ query, window }: { query: DeskViewQuery; window: PageWindow }) {
  return <DeskPager window={window} hrefFor={(page) => deskViewHref(query, { page })} />;
}

/** A desk list's pager: "Showing 26–50 of 73", the page number, and Previous / Next to `hrefFor(page)`. */
export function DeskPager({
  window,
  hrefFor,
  label = "Pages",
}: {
  window: PageWindow;
  hrefFor: (page: number) => string;
  /** The pager's name, when a screen has more than one. */
  label?: string;
}) {
  if (window.total === 0) return null;
  return (
    <nav className="view-pager" aria-label={label}>
      <p role="status">{showingLine(window)}</p>
      <ul>
        <li>
          {window.page > 1 ? (
            <Link href={hrefFor(window.page - 1)} rel="prev">
              Previous
            </Link>
          ) : null}
        </li>
        <li>
          Page {window.page} of {window.more ? `more than ${window.pageCount.toLocaleString("en")}` : window.pageCount}
        </li>
        <li>
          {window.page < window.pageCount || window.more ? (
            <Link href={hrefFor(window.page + 1)} rel="next">
              Next
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
