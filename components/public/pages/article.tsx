import { getPublicSettings, getPublishedArticle, listOpinion, listRelated } from "@/lib/articles/public-queries";
import { bylineNames } from "@/lib/articles/bylines";
import { absoluteUrl, articleJsonLd, jsonForScript, publicModifiedAt } from "@/lib/articles/seo";
import { notFound, permanentRedirect, type ReaderPage } from "@/lib/reader/page";
import { siteUrl } from "@/lib/site-url";
import { ArticleView } from "../article-view";
import { OpinionRail } from "../opinion-rail";
import { StoryList } from "../story-list";

/** An article: the story, more from its section (or related by topic) and the Opinion rail. */
export async function articlePage(sectionSlug: string, slug: string): Promise<ReaderPage> {
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  // One canonical address per article: a link with the wrong section is sent to the right one.
  if (article.section.slug !== sectionSlug) permanentRedirect(article.path);
  const [settings, opinion, related] = await Promise.all([
    getPublicSettings(),
    listOpinion(7),
    listRelated({ articleId: article.id, sectionSlug: article.section.slug, tagSlugs: article.tags.map((tag) => tag.slug) }),
  ]);
  const { newspaperName, timeZone } = settings;
  const { title, description } = article.seo;
  const image = article.image
    ? { url: absoluteUrl(siteUrl(), article.image.src), width: article.image.width, height: article.image.height, alt: article.image.alt }
    : undefined;
  return {
    head: {
      title: `${title} | ${newspaperName}`,
      description,
      authors: article.authors.map((author) => ({ name: author.name, url: author.path })),
      keywords: article.tags.map((tag) => tag.name),
      alternates: { canonical: article.path },
      openGraph: {
        type: "article",
        title,
        description,
        url: article.path,
        siteName: newspaperName,
        publishedTime: article.publishedAt.toISOString(),
        modifiedTime: publicModifiedAt(article).toISOString(),
        section: article.section.name,
        authors: article.authors.length > 0 ? [bylineNames(article.authors)] : [newspaperName],
        tags: article.tags.map((tag) => tag.name),
        images: image ? [image] : undefined,
      },
      twitter: { card: image ? "summary_large_image" : "summary", title, description, images: image ? [image] : undefined },
      jsonLd: jsonForScript(articleJsonLd({ ...article, description }, { newspaperName, baseUrl: siteUrl() })),
    },
    content: (
      <div className="article-page">
        <div>
          <ArticleView {...article} sectionName={article.section.name} newspaperName={newspaperName} timeZone={timeZone} />
          {related.items.length > 0 ? (
            <section className="related" aria-labelledby="related-heading">
              <h2 id="related-heading">{related.fromSection ? `More from ${article.section.name}` : "Related stories"}</h2>
              <StoryList items={related.items} timeZone={timeZone} />
            </section>
          ) : null}
        </div>
        <OpinionRail items={opinion.filter((item) => item.id !== article.id).slice(0, 6)} timeZone={timeZone} />
      </div>
    ),
  };
}
