import type { Metadata } from "next";
import Link from "next/link";
import { getPublicSettings, listLatestNews, listOpinion } from "@/lib/articles/public-queries";
import { DateStamp } from "@/components/public/date-stamp";
import { OpinionRail } from "@/components/public/opinion-rail";
import { StoryList } from "@/components/public/story-list";

// Served from the cache; publishing refreshes it (lib/public-cache). The hour is a safety net.
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const { newspaperName } = await getPublicSettings();
  const description = `News, analysis and opinion from ${newspaperName}.`;
  return {
    title: newspaperName,
    description,
    alternates: { canonical: "/", types: { "application/rss+xml": "/feed.xml" } },
    openGraph: { type: "website", title: newspaperName, description, url: "/", siteName: newspaperName },
    twitter: { card: "summary", title: newspaperName, description },
  };
}

export default async function HomePage() {
  const [settings, news, opinion] = await Promise.all([getPublicSettings(), listLatestNews(13), listOpinion(8)]);
  const [lead, ...latest] = news;
  return (
    <div className="front">
      <h1 className="visually-hidden">{settings.newspaperName}</h1>
      <div className="front-main">
        {lead ? (
          <section className="lead-story" aria-label="Lead story">
            <p className="kicker">{lead.section.name}</p>
            <h2>
              <Link href={lead.path}>{lead.headline}</Link>
            </h2>
            <p className="card-meta">
              <DateStamp publishedAt={lead.publishedAt} updatedStampAt={lead.updatedStampAt} timeZone={settings.timeZone} />
            </p>
            <p className="excerpt">{lead.excerpt}</p>
          </section>
        ) : (
          <p>Nothing has been published yet.</p>
        )}
        {latest.length > 0 ? (
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">Latest</h2>
            <StoryList items={latest} timeZone={settings.timeZone} />
          </section>
        ) : null}
      </div>
      <OpinionRail items={opinion} timeZone={settings.timeZone} />
    </div>
  );
}
