import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPublicSettings, getPublishedArticle, listOpinion, listRelated } from "@/lib/articles/public-queries";
import { bylineNames } from "@/lib/articles/bylines";
import { absoluteUrl, articleJsonLd, jsonForScript, publicModifiedAt } from "@/lib/articles/seo";
import { siteUrl } from "@/lib/site-url";
import { ArticleView } from "@/components/public/article-view";
import { OpinionRail } from "@/components/public/opinion-rail";
import { StoryList } from "@/components/public/story-list";

// Served from the cache; publishing, republishing and withdrawing refresh it (lib/public-cache).
export const revalidate = 3600;

/** None at build time: each article is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, settings] = await Promise.all([params, getPublicSettings()]);
  const article = await getPublishedArticle(slug);
  if (!article) return { title: settings.newspaperName };
  const { title, description } = article.seo;
  const image = article.image
    ? { url: absoluteUrl(siteUrl(), article.image.src), width: article.image.width, height: article.image.height, alt: article.image.alt }
    : undefined;
  return {
    title: `${title} | ${settings.newspaperName}`,
    description,
    authors: article.authors.map((author) => ({ name: author.name, url: author.path })),
    keywords: article.tags.map((tag) => tag.name),
    alternates: { canonical: article.path },
    openGraph: {
      type: "article",
      title,
      description,
      url: article.path,
      siteName: settings.newspaperName,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: publicModifiedAt(article).toISOString(),
      section: article.section.name,
      authors: article.authors.length > 0 ? [bylineNames(article.authors)] : [settings.newspaperName],
      tags: article.tags.map((tag) => tag.name),
      images: image ? [image] : undefined,
    },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, images: image ? [image] : undefined },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  // One canonical address per article: a link with the wrong section is sent to the right one.
  if (article.section.slug !== section) permanentRedirect(article.path);
  const [settings, opinion, related] = await Promise.all([
    getPublicSettings(),
    listOpinion(7),
    listRelated({ articleId: article.id, sectionSlug: article.section.slug, tagSlugs: article.tags.map((tag) => tag.slug) }),
  ]);
  return (
    <div className="article-page">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{
          __html: jsonForScript(
            articleJsonLd(
              { ...article, description: article.seo.description },
              { newspaperName: settings.newspaperName, baseUrl: siteUrl() },
            ),
          ),
        }}
      />
      <div>
        <ArticleView
          {...article}
          sectionName={article.section.name}
          newspaperName={settings.newspaperName}
          timeZone={settings.timeZone}
        />
        {related.items.length > 0 ? (
          <section className="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{related.fromSection ? `More from ${article.section.name}` : "Related stories"}</h2>
            <StoryList items={related.items} timeZone={settings.timeZone} />
          </section>
        ) : null}
      </div>
      <OpinionRail items={opinion.filter((item) => item.id !== article.id).slice(0, 6)} timeZone={settings.timeZone} />
    </div>
  );
}
