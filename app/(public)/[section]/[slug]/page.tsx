import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPublishedArticle, listOpinion, listRelated } from "@/lib/articles/public-queries";
import { hasByline } from "@/lib/articles/kinds";
import { articleJsonLd, jsonForScript, publicModifiedAt } from "@/lib/articles/seo";
import { getSettings } from "@/lib/settings";
import { siteUrl } from "@/lib/site-url";
import { ArticleView } from "@/components/public/article-view";
import { OpinionRail } from "@/components/public/opinion-rail";
import { StoryList } from "@/components/public/story-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, settings] = await Promise.all([params, getSettings()]);
  const article = await getPublishedArticle(slug);
  if (!article) return { title: settings.newspaperName };
  const authors = hasByline(article.kind) ? [article.authorName] : [settings.newspaperName];
  return {
    title: `${article.headline} | ${settings.newspaperName}`,
    description: article.excerpt,
    alternates: { canonical: article.path },
    openGraph: {
      type: "article",
      title: article.headline,
      description: article.excerpt,
      url: article.path,
      siteName: settings.newspaperName,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: publicModifiedAt(article).toISOString(),
      section: article.section.name,
      authors,
    },
    twitter: { card: "summary", title: article.headline, description: article.excerpt },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  // One canonical address per article: a link with the wrong section is sent to the right one.
  if (article.section.slug !== section) permanentRedirect(article.path);
  const [settings, opinion, related] = await Promise.all([
    getSettings(),
    listOpinion({ take: 7 }),
    listRelated({ articleId: article.id, sectionSlug: article.section.slug }),
  ]);
  return (
    <div className="article-page">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{
          __html: jsonForScript(articleJsonLd(article, { newspaperName: settings.newspaperName, baseUrl: siteUrl() })),
        }}
      />
      <div>
        <ArticleView
          {...article}
          sectionName={article.section.name}
          newspaperName={settings.newspaperName}
          timeZone={settings.timeZone}
        />
        {related.length > 0 ? (
          <section className="related" aria-labelledby="related-heading">
            <h2 id="related-heading">More from {article.section.name}</h2>
            <StoryList items={related} timeZone={settings.timeZone} />
          </section>
        ) : null}
      </div>
      <OpinionRail items={opinion.filter((item) => item.id !== article.id).slice(0, 6)} timeZone={settings.timeZone} />
    </div>
  );
}
