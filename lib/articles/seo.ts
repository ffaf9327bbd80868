/**
 * What search engines and social cards are told about an article. The dates are the public ones:
 * datePublished is the first publication, dateModified the editor's "Updated" time (else the
 * publication), never a technical save time.
 */
import { hasByline, type ArticleKind } from "./kinds";

const schemaTypes: Record<ArticleKind, string> = {
  news: "NewsArticle",
  analysis: "AnalysisNewsArticle",
  editorial: "OpinionNewsArticle",
  column: "OpinionNewsArticle",
  "op-ed": "OpinionNewsArticle",
  letter: "OpinionNewsArticle",
};

export type SeoArticle = {
  headline: string;
  excerpt: string;
  kind: ArticleKind;
  path: string;
  section: { name: string };
  authorName: string;
  publishedAt: Date;
  updatedStampAt: Date | null;
};

export function publicModifiedAt(article: Pick<SeoArticle, "publishedAt" | "updatedStampAt">): Date {
  return article.updatedStampAt && article.updatedStampAt > article.publishedAt ? article.updatedStampAt : article.publishedAt;
}

export function articleJsonLd(article: SeoArticle, { newspaperName, baseUrl }: { newspaperName: string; baseUrl: string }) {
  const publisher = { "@type": "NewsMediaOrganization", name: newspaperName, url: `${baseUrl}/` };
  return {
    "@context": "https://schema.org",
    "@type": schemaTypes[article.kind],
    headline: article.headline,
    description: article.excerpt,
    url: `${baseUrl}${article.path}`,
    mainEntityOfPage: `${baseUrl}${article.path}`,
    articleSection: article.section.name,
    datePublished: article.publishedAt.toISOString(),
    dateModified: publicModifiedAt(article).toISOString(),
    author: hasByline(article.kind) ? [{ "@type": "Person", name: article.authorName }] : [publisher],
    publisher,
  };
}

/** JSON for a <script> element: "<" escaped so no text in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
