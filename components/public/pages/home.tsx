import { getPublicSettings, listLatestNews, listOpinion } from "@/lib/articles/public-queries";
import type { ReaderPage } from "@/lib/reader/page";
import { DateStamp } from "../date-stamp";
import { OpinionRail } from "../opinion-rail";
import { StoryList } from "../story-list";

/** The front page: the lead story, the latest news and the Opinion rail. */
export async function homePage(): Promise<ReaderPage> {
  const [settings, news, opinion] = await Promise.all([getPublicSettings(), listLatestNews(13), listOpinion(8)]);
  const { newspaperName, timeZone } = settings;
  const description = `News, analysis and opinion from ${newspaperName}.`;
  const [lead, ...latest] = news;
  return {
    head: {
      title: newspaperName,
      description,
      alternates: { canonical: "/", types: { "application/rss+xml": "/feed.xml" } },
      openGraph: { type: "website", title: newspaperName, description, url: "/", siteName: newspaperName },
      twitter: { card: "summary", title: newspaperName, description },
    },
    content: (
      <div className="front">
        <h1 className="visually-hidden">{newspaperName}</h1>
        <div className="front-main">
          {lead ? (
            <section className="lead-story" aria-label="Lead story">
              <p className="kicker">{lead.section.name}</p>
              <h2>
                <a href={lead.path}>{lead.headline}</a>
              </h2>
              <p className="card-meta">
                <DateStamp publishedAt={lead.publishedAt} updatedStampAt={lead.updatedStampAt} timeZone={timeZone} />
              </p>
              <p className="excerpt">{lead.excerpt}</p>
            </section>
          ) : (
            <p>Nothing has been published yet.</p>
          )}
          {latest.length > 0 ? (
            <section aria-labelledby="latest-heading">
              <h2 id="latest-heading">Latest</h2>
              <StoryList items={latest} timeZone={timeZone} />
            </section>
          ) : null}
        </div>
        <OpinionRail items={opinion} timeZone={timeZone} />
      </div>
    ),
  };
}
