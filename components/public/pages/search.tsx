import { getPublicSettings, searchPublished } from "@/lib/articles/public-queries";
import { searchSummary } from "@/lib/articles/search-summary";
import { notFound, type ReaderPage } from "@/lib/reader/page";
import { Pagination } from "../pagination";
import { StoryList } from "../story-list";

/** What the reader asked for, as searched: trimmed and at most 200 characters. */
export function searchQuery(q: string | null): string {
  return (q ?? "").trim().slice(0, 200);
}

/** Search: a plain GET form and its results, from the search index (lib/articles/search-index.ts). */
export async function searchPage(query: string, page: number): Promise<ReaderPage> {
  const [settings, result] = await Promise.all([getPublicSettings(), searchPublished(query, page)]);
  if (page > result.pages) notFound();
  return {
    head: {
      title: `${query ? `“${query.slice(0, 80)}”: search` : "Search"} | ${settings.newspaperName}`,
      description: `Search every story ${settings.newspaperName} has published.`,
      robots: { index: false },
    },
    content: (
      <section className="listing">
        <h1>Search</h1>
        <form className="search-form" action="/search" role="search">
          <label htmlFor="search-query" className="visually-hidden">
            Search published articles
          </label>
          <input id="search-query" name="q" type="search" defaultValue={query} placeholder="Search published articles" />
          <button type="submit" className="button">
            Search
          </button>
        </form>
        {query ? (
          <p className="hint" role="status">
            {searchSummary(query, result)}
          </p>
        ) : null}
        <StoryList items={result.items} timeZone={settings.timeZone} level={2} />
        <Pagination path="/search" page={result.page} pages={result.pages} params={{ q: query }} />
      </section>
    ),
  };
}
