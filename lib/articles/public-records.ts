/**
 * The shapes readers' pages get, and how database rows become them. Only the live revision (the
 * snapshot taken at publication) is read, never the working copy. No database access here: the
 * reads are in public-queries.ts.
 */
import type { PickedImage } from "@/lib/media/types";
import { imageSources } from "@/lib/media/urls";
import { excerpt, htmlExcerpt } from "@/lib/text/excerpt";
import { publicByline, type BylineAuthor } from "./bylines";
import type { ArticleKind } from "./kinds";
import type { CorrectionKind } from "./schemas";
import { articlePath } from "./paths";

const person = { select: { id: true, name: true, slug: true } } as const;
const byline = { select: { position: true, user: person }, orderBy: { position: "asc" } } as const;

export const cardSelect = {
  id: true,
  slug: true,
  kind: true,
  publishedAt: true,
  updatedStampAt: true,
  section: { select: { slug: true, name: true } },
  author: person,
  liveRevision: { select: { headline: true, dateline: true, standfirst: true, bodyHtml: true, bylines: byline } },
} as const;

export const articleSelect = {
  ...cardSelect,
  liveRevision: {
    select: {
      ...cardSelect.liveRevision.select,
      seoTitle: true,
      seoDescription: true,
      writerBio: true,
      featuredImageAlt: true,
      featuredImageCaption: true,
      featuredImageCredit: true,
      featuredImage: { select: { storageKey: true, mimeType: true, width: true, height: true, variantWidths: true, alt: true, caption: true, credit: true } },
      tags: { select: { tag: { select: { id: true, slug: true, name: true } } } },
    },
  },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, text: true, createdAt: true } },
} as const;

type Person = { id: string; name: string; slug: string | null };

export type CardRecord = {
  id: string;
  slug: string;
  kind: string;
  publishedAt: Date | null;
  updatedStampAt: Date | null;
  section: { slug: string; name: string };
  author: Person;
  liveRevision: {
    headline: string;
    dateline: string;
    standfirst: string;
    bodyHtml: string;
    bylines: { position: number; user: Person }[];
  } | null;
};

export type PublicArticleCard = {
  id: string;
  path: string;
  headline: string;
  dateline: string;
  kind: ArticleKind;
  section: { slug: string; name: string };
  /** The byline in print order, each with the writer's page; empty for editorials. */
  authors: BylineAuthor[];
  excerpt: string;
  publishedAt: Date;
  updatedStampAt: Date | null;
};

export type PublicCorrection = { id: string; kind: CorrectionKind; text: string; createdAt: Date };

export type PublicImage = {
  src: string;
  srcSet: string | undefined;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

export type PublicTag = { slug: string; name: string; path: string };

export type PublicArticle = PublicArticleCard & {
  standfirst: string;
  bodyHtml: string;
  /** What search engines and social cards get: the SEO overrides where the editor set them. */
  seo: { title: string; description: string };
  /** An op-ed writer's line for the foot ("The writer is …"); empty when there is none. */
  writerBio: string;
  image: PublicImage | null;
  tags: PublicTag[];
  corrections: PublicCorrection[];
};

/**
 * `more`: `pages` is where counting stopped, and the listing goes on past it. `capped` (search):
 * more stories matched than were ranked, and `total` is how many were (search-index.ts, `searchWindow`).
 */
export type PublicPage = { items: PublicArticleCard[]; total: number; page: number; pages: number; more?: boolean; capped?: boolean };

export function toCard(record: CardRecord): PublicArticleCard {
  const live = record.liveRevision!;
  const kind = record.kind as ArticleKind;
  return {
    id: record.id,
    path: articlePath(record),
    headline: live.headline,
    dateline: live.dateline,
    kind,
    section: record.section,
    authors: publicByline(kind, live.bylines, record.author),
    excerpt: live.standfirst ? excerpt(live.standfirst) : htmlExcerpt(live.bodyHtml),
    publishedAt: record.publishedAt!,
    updatedStampAt: record.updatedStampAt,
  };
}

export type ArticleRecord = Omit<CardRecord, "liveRevision"> & {
  liveRevision: NonNullable<CardRecord["liveRevision"]> & {
    seoTitle: string;
    seoDescription: string;
    writerBio: string;
    featuredImageAlt: string;
    featuredImageCaption: string;
    featuredImageCredit: string;
    featuredImage: Omit<PickedImage, "id"> | null;
    tags: { tag: { slug: string; name: string } }[];
  } | null;
  corrections: { id: string; kind: string; text: string; createdAt: Date }[];
};

export function tagPath(slug: string): string {
  return `/tags/${slug}`;
}

/** The parts of a revision readers see beside its text; the desk's preview shows the same. */
export function revisionForReaders(live: NonNullable<ArticleRecord["liveRevision"]>) {
  const media = live.featuredImage;
  return {
    writerBio: live.writerBio.trim(),
    image: media
      ? {
          ...imageSources(media),
          alt: live.featuredImageAlt || media.alt,
          caption: live.featuredImageCaption || media.caption,
          credit: live.featuredImageCredit || media.credit,
        }
      : null,
    tags: live.tags
      .map(({ tag }) => ({ slug: tag.slug, name: tag.name, path: tagPath(tag.slug) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function toArticle(record: ArticleRecord): PublicArticle {
  const live = record.liveRevision!;
  const card = toCard(record);
  return {
    ...card,
    standfirst: live.standfirst,
    bodyHtml: live.bodyHtml,
    seo: { title: live.seoTitle.trim() || card.headline, description: live.seoDescription.trim() || card.excerpt },
    ...revisionForReaders(live),
    corrections: record.corrections.map((correction) => ({ ...correction, kind: correction.kind as CorrectionKind })),
  };
}
