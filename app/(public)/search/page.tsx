import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicSettings, searchPublished } from "@/lib/articles/public-queries";
import { Pagination, pageNumber } from "@/components/public/pagination";
import { StoryList } from "@/components/public/story-list";

// A query of the reader's own (it reads searchParams, so it is rendered per request), from cached
// results (lib/articles/search-index.ts). Not "force-dynamic": that would bypass the data cache too.

// A repeated parameter (`?q=a&q=b`) arrives as a list: the first one counts, as with the page number.
type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

function queryOf(q: string | string[] | undefined): string {
  return ((Array.isArray(q) ? q[0] : q) ?? "").trim().slice(0, 200);
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [params, { newspaperName }] = await Promise.all([searchParams, getPublicSettings()]);
  const q = queryOf(params.q);
  return { title: `${q ? `“${q.slice(0, 80)}”: search` : "Search"} | ${newspaperName}`, robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = queryOf(params.q);
  const page = pageNumber(params.page);
  const [settings, result] = await Promise.all([getPublicSettings(), searchPublished(query, page)]);
  if (page > result.pages) notFound();
  return (
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
          {result.total === 0 ? `Nothing found for “${query}”.` : `${result.total} result${result.total === 1 ? "" : "s"} for “${query}”.`}
        </p>
      ) : null}
      <StoryList items={result.items} timeZone={settings.timeZone} />
      <Pagination path="/search" page={result.page} pages={result.pages} params={{ q: query }} />
    </section>
  );
}
