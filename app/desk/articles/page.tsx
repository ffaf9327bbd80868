import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listAuthors, listDeskView, listSections } from "@/lib/articles/desk-queries";
import { parseDeskViewQuery, viewDefinitions, viewsFor } from "@/lib/articles/desk-views";
import { getSettings } from "@/lib/settings";
import { ArticleTable } from "@/components/desk/article-table";
import { ViewFilters, ViewPager, ViewTabs } from "@/components/desk/article-views";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The desk's article views: My work for everyone; the review queue, schedule, published, spiked and all articles for editors. */
export default async function ArticleViewsPage({ searchParams }: Props) {
  const [params, user] = await Promise.all([searchParams, requireDeskUser()]);
  const query = parseDeskViewQuery(params, user);
  const seesEveryone = can(user, "view:article:any");
  const [{ rows, window }, sections, authors, { timeZone }] = await Promise.all([
    listDeskView(user, query),
    listSections(),
    seesEveryone ? listAuthors() : null,
    getSettings(),
  ]);
  const definition = viewDefinitions[query.view];
  const filtered = Boolean(query.section || query.kind || query.author || query.state || query.q);
  return (
    <>
      <div className="page-heading">
        <h1>Articles</h1>
        <Link className="button" href="/desk/articles/new">
          New article
        </Link>
      </div>
      <ViewTabs views={viewsFor(user)} query={query} />
      <h2 className="view-heading">{definition.label}</h2>
      <ViewFilters query={query} sections={sections} authors={authors} />
      <ArticleTable
        rows={rows}
        timeZone={timeZone}
        date={definition.order.by}
        // In the queue, an article waiting for review opens as readers would see it: that is the review.
        href={query.view === "review" ? (row) => `/desk/articles/${row.id}${row.status === "submitted" ? "/preview" : ""}` : undefined}
        empty={filtered ? "No articles match these filters." : definition.empty}
      />
      <ViewPager query={query} window={window} />
    </>
  );
}
