/**
 * What search engines and social cards are told about an article. The dates are the public ones:
 * datePublished is the first publication, dateModified the editor's "Updated" time (else the
 * publication), never a technical save time. The description is the editor's SEO description
 * where set; every byline is a Person with their page; the featured image goes with its size.
 */
import { hasByline, kindRules, printedDateline, type ArticleKind } from "./kinds";

export type SeoArticle = {
  headline: string;
  /** As stored; told only when the kind carries one and it says something. */
  dateline?: string;
  /** The SEO description where the editor set one, else the excerpt. */
  description: string;
  kind: ArticleKind;
  path: string;
  section: { name: string };
  authors: { name: string; path: string }[];
  publishedAt: Date;
  updatedStampAt: Date | null;
  image?: { src: string; width: number; height: number; caption: string; credit: string } | null;
  tags?: { name: string }[];
};

/** An absolute address for a site path (or an address that already is absolute). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${baseUrl}${path}`;
}

export function publicModifiedAt(article: Pick<SeoArticle, "publishedAt" | "updatedStampAt">): Date {
  return article.updatedStampAt && article.updatedStampAt > article.publishedAt ? article.updatedStampAt : article.publishedAt;
}

export function articleJsonLd(article: SeoArticle, { newspaperName, baseUrl }: { newspaperName: string; baseUrl: string }) {
  const publisher = { "@type": "NewsMediaOrganization", name: newspaperName, url: `${baseUrl}/` };
  const dateline = printedDateline(article.kind, article.dateline ?? "");
  return {
    "@context": "https://schema.org",
    "@type": kindRules[article.kind].schemaType,
    headline: article.headline,
    description: article.description,
    url: `${baseUrl}${article.path}`,
    mainEntityOfPage: `${baseUrl}${article.path}`,
    articleSection: article.section.name,
    ...(dateline ? { dateline } : {}),
    datePublished: article.publishedAt.toISOString(),
    dateModified: publicModifiedAt(article).toISOString(),
    author:
      hasByline(article.kind) && article.authors.length > 0
        ? article.authors.map((author) => ({ "@type": "Person", name: author.name, url: absoluteUrl(baseUrl, author.path) }))
        : [publisher],
    publisher,
    ...(article.image
      ? {
          image: [
            {
              "@type": "ImageObject",
              url: absoluteUrl(baseUrl, article.image.src),
              width: article.image.width,
              height: article.image.height,
              ...(article.image.caption ? { caption: article.image.caption } : {}),
              ...(article.image.credit ? { creditText: article.image.credit } : {}),
            },
          ],
        }
      : {}),
    ...(article.tags && article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name) } : {}),
  };
}

/** JSON for a <script> element: "<" escaped so no text in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
