/**
 * A story page's article in one plain statement: its card's row (card-rows.ts) with the whole
 * body, the live revision's search-engine and picture fields, the picture, and its topics and
 * corrections as JSON arrays in the same row.
 *
 * Why not Prisma's nested select (`articleSelect`, public-records.ts): Prisma compiled it afresh on
 * every render, and ran it as one statement per relation, in turn. A publication renders its story
 * page at once, beside the front page and the section; under load at a million articles on
 * PostgreSQL, compiling model queries was about 7 ms of the app's thread in the 45 ms after each
 * publication, with the thread busy for all but 3 of them.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/database-url";
import { dateOf, type StoredDate } from "@/lib/raw-values";
import { jsonArrayColumn, jsonArrayOf, jsonObject } from "@/lib/sql-json";
import { cardColumns, cardJoins, cardsFromRows, type ArticleRow } from "./card-rows";
import { liveSql } from "./live-sql";
import type { ArticleRecord } from "./public-records";

type LiveRevisionRecord = NonNullable<ArticleRecord["liveRevision"]>;

type StoryRow = ArticleRow &
  Pick<LiveRevisionRecord, "seoTitle" | "seoDescription" | "writerBio" | "featuredImageAlt" | "featuredImageCaption" | "featuredImageCredit"> & {
  fullBodyHtml: string;
  imageKey: string | null;
  imageType: string | null;
  imageWidth: number | bigint | null;
  imageHeight: number | bigint | null;
  imageWidths: string | null;
  imageAlt: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
  /** JSON: [{ id, slug, name }] */
  tags: string | null;
  /** JSON: [{ id, kind, text, createdAt }], createdAt as ISO text */
  corrections: string | null;
};

function storyStatement(): string {
  const isoDate = (column: string) => (databaseProvider() === "sqlite" ? column : `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  const tags = jsonArrayColumn(
    jsonObject({ id: `"t"."id"`, slug: `"t"."slug"`, name: `"t"."name"` }),
    `FROM "RevisionTag" AS "rt" JOIN "Tag" AS "t" ON "t"."id" = "rt"."tagId" WHERE "rt"."revisionId" = "a"."liveRevisionId"`,
  );
  const corrections = jsonArrayColumn(
    jsonObject({ id: `"c"."id"`, kind: `"c"."kind"`, text: `"c"."text"`, createdAt: isoDate(`"c"."createdAt"`) }),
    `FROM "Correction" AS "c" WHERE "c"."articleId" = "a"."id"`,
  );
  return `${cardColumns()},
      "r"."bodyHtml" AS "fullBodyHtml", "r"."seoTitle", "r"."seoDescription", "r"."writerBio",
      "r"."featuredImageAlt", "r"."featuredImageCaption", "r"."featuredImageCredit",
      "m"."storageKey" AS "imageKey", "m"."mimeType" AS "imageType", "m"."width" AS "imageWidth", "m"."height" AS "imageHeight",
      "m"."variantWidths" AS "imageWidths", "m"."alt" AS "imageAlt", "m"."caption" AS "imageCaption", "m"."credit" AS "imageCredit",
      ${tags} AS "tags", ${corrections} AS "corrections"
    FROM "Article" AS "a"${cardJoins}
    LEFT JOIN "Media" AS "m" ON "m"."id" = "r"."featuredImageId"`;
}

/** The live article with this slug, as `articleSelect` reads it; null if there is none (or it is not live). */
export async function readLiveArticle(client: PrismaClient | Tx, slug: string): Promise<ArticleRecord | null> {
  const [row] = await client.$queryRaw<StoryRow[]>`${Prisma.raw(storyStatement())} WHERE "a"."slug" = ${slug} AND ${liveSql("a")}`;
  if (!row) return null;
  const [card] = cardsFromRows([row]);
  if (!card?.liveRevision) return null;
  const tags = jsonArrayOf<{ id: string; slug: string; name: string }>(row.tags);
  const corrections = jsonArrayOf<{ id: string; kind: string; text: string; createdAt: StoredDate }>(row.corrections);
  return {
    ...card,
    liveRevision: {
      ...card.liveRevision,
      bodyHtml: row.fullBodyHtml,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      writerBio: row.writerBio,
      featuredImageAlt: row.featuredImageAlt,
      featuredImageCaption: row.featuredImageCaption,
      featuredImageCredit: row.featuredImageCredit,
      featuredImage:
        row.imageKey === null
          ? null
          : {
              storageKey: row.imageKey,
              mimeType: row.imageType!,
              width: Number(row.imageWidth),
              height: Number(row.imageHeight),
              variantWidths: row.imageWidths ?? "",
              alt: row.imageAlt ?? "",
              caption: row.imageCaption ?? "",
              credit: row.imageCredit ?? "",
            },
      tags: tags.map((tag) => ({ tag })),
    },
    corrections: corrections
      .map((correction) => ({ ...correction, createdAt: dateOf(correction.createdAt) }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)),
  };
}
