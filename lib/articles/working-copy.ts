/**
 * How an article's content changes: its working copy and a new revision move together, inside the
 * caller's transaction. Creating, saving and restoring an old revision all come through here, so
 * they keep the same rules: the version goes up by one, the address follows the headline until
 * first publication (or is set by hand, and a published article's old addresses redirect), the
 * byline, tags and featured image are checked, and the revision's HTML is rendered once, now.
 * What readers see (the live revision) is never touched here.
 */
import "server-only";
import type { Tx } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { imageSources } from "@/lib/media/urls";
import { renderBody } from "@/lib/render/body";
import {
  collectAddresses,
  type BodyImageClaim,
  isStructuredBody,
  parseBody,
  serializeBody,
  withLibrarySources,
  type BodyDoc,
  type LibraryImageSources,
} from "@/lib/render/document";
import type { JSONContent } from "@tiptap/core";
import type { FieldErrors } from "@/lib/desk-results";
import { recordEvent } from "./history";
import { isArticleKind, kindRules, takesDateline } from "./kinds";
import { libraryImagesOnly, type FeaturedImageInput } from "./schemas";
import { slugFromHeadline, uniqueSlug } from "@/lib/text/slug";
import { afterEdit, type ArticleStatus, type EditOutcome } from "./workflow";

export type ArticleText = { headline: string; dateline: string; standfirst: string; body: string };

/** What a revision holds beyond the text columns the article also keeps. */
export type RevisionExtras = {
  seoTitle: string;
  seoDescription: string;
  writerBio: string;
  featuredImage: FeaturedImageInput | null;
  tags: string[];
  bylineIds: string[];
};

export type ArticleContent = ArticleText & RevisionExtras;

/** A save's fields; extras left undefined keep the article's current ones. */
export type ContentChange = ArticleText & Partial<RevisionExtras> & { slug?: string };

type WorkingCopy = {
  id: string;
  slug: string;
  headline: string;
  version: number;
  status: string;
  kind: string;
  sectionId: string;
  publishedAt: Date | null;
  /** The revision an editor approved or scheduled, while the article is approved or scheduled. */
  approvedVersion: number | null;
};

/** Whether a kind (as stored) is printed without a byline or a dateline (kinds.ts). */
const unsigned = (kind: string) => isArticleKind(kind) && kindRules[kind].byline === "none";
const undated = (kind: string) => isArticleKind(kind) && !takesDateline(kind);

/** The text as stored for `kind`: a kind that carries no dateline keeps none, whatever was typed before. */
export function textForKind(text: ArticleText, kind: string): ArticleText {
  return undated(kind) ? { ...text, dateline: "" } : text;
}

/** A revision's extras as the form and the diff use them. */
export async function readExtras(tx: Tx, articleId: string, number: number): Promise<RevisionExtras> {
  const revision = await tx.revision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: {
      seoTitle: true,
      seoDescription: true,
      writerBio: true,
      featuredImageId: true,
      featuredImageAlt: true,
      featuredImageCaption: true,
      featuredImageCredit: true,
      bylines: { orderBy: { position: "asc" }, select: { userId: true } },
      tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { name: true } } } },
    },
  });
  if (!revision) throw new DeskError("not_found", "That revision does not exist.");
  return {
    seoTitle: revision.seoTitle,
    seoDescription: revision.seoDescription,
    writerBio: revision.writerBio,
    featuredImage: revision.featuredImageId
      ? {
          id: revision.featuredImageId,
          alt: revision.featuredImageAlt,
          caption: revision.featuredImageCaption,
          credit: revision.featuredImageCredit,
        }
      : null,
    tags: revision.tags.map(({ tag }) => tag.name),
    bylineIds: revision.bylines.map(({ userId }) => userId),
  };
}

/** Fills what the change left out from `previous`, and applies the kind's byline rule. */
export function completeExtras(change: Partial<RevisionExtras>, previous: RevisionExtras, kind: string): RevisionExtras {
  const extras: RevisionExtras = {
    seoTitle: change.seoTitle ?? previous.seoTitle,
    seoDescription: change.seoDescription ?? previous.seoDescription,
    writerBio: change.writerBio ?? previous.writerBio,
    featuredImage: change.featuredImage === undefined ? previous.featuredImage : change.featuredImage,
    tags: change.tags ?? previous.tags,
    bylineIds: change.bylineIds ?? previous.bylineIds,
  };
  if (unsigned(kind)) extras.bylineIds = [];
  return extras;
}

/**
 * Checks what only the database can: that the authors and the image exist. A draft may have no
 * byline yet (completeness is checked on submission); a name or an image the newsroom does not
 * know is left out, with a message beside its field, and the rest of the save goes ahead.
 */
async function checkExtras(tx: Tx, extras: RevisionExtras, previous: RevisionExtras): Promise<{ extras: RevisionExtras; fieldErrors: FieldErrors }> {
  const fieldErrors: FieldErrors = {};
  let checked = extras;
  if (extras.bylineIds.length) {
    // Contributors without desk access (op-ed writers, columnists) are users too, so any user may be named.
    const known = await tx.user.findMany({ where: { id: { in: extras.bylineIds } }, select: { id: true } });
    if (known.length !== extras.bylineIds.length) {
      const ids = new Set(known.map((user) => user.id));
      checked = { ...checked, bylineIds: extras.bylineIds.filter((id) => ids.has(id)) };
      fieldErrors.bylineIds = ["One of these authors is not in the newsroom's list of people."];
    }
  }
  if (extras.featuredImage) {
    const image = await tx.media.findUnique({ where: { id: extras.featuredImage.id }, select: { id: true } });
    if (!image) {
      checked = { ...checked, featuredImage: previous.featuredImage?.id === extras.featuredImage.id ? null : previous.featuredImage };
      fieldErrors.featuredImage = ["That image is no longer in the media library."];
    }
  }
  return { extras: checked, fieldErrors };
}

/**
 * The body as it will be stored: every image's addresses and size rebuilt from its media library
 * record, so readers only ever load our own files whatever a request sent. An image the library
 * does not know, or one that claims addresses other than its record's, is left out, and the body's
 * message says why; the words are stored all the same.
 */
export async function bodyWithLibraryImages(tx: Tx, body: string): Promise<{ body: string; fieldErrors: FieldErrors }> {
  if (!isStructuredBody(body)) return { body, fieldErrors: {} };
  const doc = parseBody(body);
  const claims = collectAddresses(doc).images;
  if (claims.length === 0) return { body, fieldErrors: {} };
  const records = await tx.media.findMany({
    where: { id: { in: [...new Set(claims.map((claim) => claim.mediaId))] } },
    select: { id: true, storageKey: true, mimeType: true, width: true, height: true, variantWidths: true },
  });
  const sources = new Map<string, LibraryImageSources>(
    records.map((record) => {
      const { src, srcSet, width, height } = imageSources(record);
      return [record.id, { src, srcset: srcSet ?? null, width, height }];
    }),
  );
  const isOwn = (claim: BodyImageClaim) => {
    const own = sources.get(claim.mediaId);
    // Empty addresses are fine (they are filled in); any address given must be the record's own.
    return Boolean(own) && (claim.src === "" || claim.src === own!.src) && (claim.srcset === "" || claim.srcset === (own!.srcset ?? ""));
  };
  const refused = !claims.every(isOwn);
  const kept = refused ? withoutImages(doc, (claim) => !isOwn(claim)) : doc;
  return {
    body: serializeBody(withLibrarySources(kept, (id) => sources.get(id))),
    fieldErrors: refused ? { body: [libraryImagesOnly] } : {},
  };
}

/** Writes revision `number` with its byline and tags (tags are created on first use). */
export async function createRevision(
  tx: Tx,
  { articleId, number, content, authorId, now }: { articleId: string; number: number; content: ArticleContent; authorId: string; now: Date },
): Promise<void> {
  const { featuredImage, tags, bylineIds, ...columns } = content;
  // One after the other: a transaction is one connection, which runs one query at a time.
  const tagIds: string[] = [];
  for (const name of tags) tagIds.push(await tagIdFor(tx, name));
  await tx.revision.create({
    data: {
      articleId,
      number,
      ...columns,
      bodyHtml: renderBody(content.body),
      featuredImageId: featuredImage?.id ?? null,
      featuredImageAlt: featuredImage?.alt ?? "",
      featuredImageCaption: featuredImage?.caption ?? "",
      featuredImageCredit: featuredImage?.credit ?? "",
      authorId,
      createdAt: now,
      bylines: { create: bylineIds.map((userId, position) => ({ userId, position })) },
      tags: { create: [...new Set(tagIds)].map((tagId) => ({ tagId })) },
    },
  });
}

async function tagIdFor(tx: Tx, name: string): Promise<string> {
  const slug = slugFromHeadline(name);
  const tag = await tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true } });
  return tag.id;
}

/** The first revision of a new article; returns the fields left out, with why. */
export async function writeFirstRevision(
  tx: Tx,
  { articleId, kind, change, authorId, now }: { articleId: string; kind: string; change: ContentChange; authorId: string; now: Date },
): Promise<FieldErrors> {
  const blank: RevisionExtras = { seoTitle: "", seoDescription: "", writerBio: "", featuredImage: null, tags: [], bylineIds: [authorId] };
  const { extras, fieldErrors } = await checkExtras(tx, completeExtras(change, blank, kind), blank);
  await createRevision(tx, { articleId, number: 1, content: { ...textForKind(textOf(change), kind), ...extras }, authorId, now });
  return fieldErrors;
}

function textOf({ headline, dateline, standfirst, body }: ArticleText): ArticleText {
  return { headline, dateline, standfirst, body };
}

/**
 * Writes `change` as the article's next version and revision. `article` is the row the caller read
 * (and checked) in this transaction; if another save got in first, throws DeskError("conflict")
 * with `conflictMessage` and the transaction writes nothing. A byline name, image or address that
 * cannot be used is left out (the article keeps its own) and named in the returned `fieldErrors`.
 *
 * What the save does to the article's place in the workflow is `afterEdit`'s answer (workflow.ts):
 * an approved article goes back to review, and the history says why.
 */
export async function writeNextRevision(
  tx: Tx,
  {
    article,
    change,
    placement,
    authorId,
    now,
    conflictMessage,
  }: {
    article: WorkingCopy;
    change: ContentChange;
    /** Where the article sits, when the save moves it too. */
    placement?: { kind: string; sectionId: string };
    authorId: string;
    now: Date;
    conflictMessage: string;
  },
): Promise<{ version: number; slug: string; fieldErrors: FieldErrors }> {
  const kind = placement?.kind ?? article.kind;
  const previous = await readExtras(tx, article.id, article.version);
  const { extras, fieldErrors } = await checkExtras(tx, completeExtras(change, previous, kind), previous);
  const body = await bodyWithLibraryImages(tx, change.body);
  change = { ...change, body: body.body };
  const { slug, taken } = await nextSlug(tx, article, change);
  const version = article.version + 1;
  const outcome = afterEdit({ ...article, status: article.status as ArticleStatus });
  const text = textForKind(textOf(change), kind);
  const updated = await tx.article.updateMany({
    where: { id: article.id, version: article.version },
    data: {
      version,
      slug,
      ...text,
      ...placement,
      updatedAt: now,
      ...(outcome.status !== article.status ? { status: outcome.status } : {}),
      ...(outcome.resetsApproval ? { approvedVersion: null } : {}),
    },
  });
  if (updated.count !== 1) throw new DeskError("conflict", conflictMessage);
  await createRevision(tx, { articleId: article.id, number: version, content: { ...text, ...extras }, authorId, now });
  await keepOldAddress(tx, article, { slug, sectionId: placement?.sectionId ?? article.sectionId });
  if (outcome.event) {
    await recordEvent(tx, {
      articleId: article.id,
      kind: outcome.event,
      actorId: authorId,
      fromStatus: article.status as ArticleStatus,
      toStatus: outcome.status,
      note: editNote(outcome.event, { saved: version, scheduled: article.version }),
      at: now,
    });
  }
  return {
    version,
    slug,
    fieldErrors: { ...fieldErrors, ...body.fieldErrors, ...(taken ? { slug: [takenAddressMessage] } : {}) },
  };
}

/** The history's note on a save that went back to review, or will not go live at the scheduled time. */
function editNote(event: NonNullable<EditOutcome["event"]>, { saved, scheduled }: { saved: number; scheduled: number }): string {
  return event === "edited-after-approval"
    ? `Revision ${saved} was saved after approval, so the article is back in review.`
    : `Revision ${saved} was saved after scheduling; revision ${scheduled} is the one that goes live at its time.`;
}

export const takenAddressMessage = "Another article already has this address. Choose a different one.";

/**
 * The article's address after this save. A typed address wins (if no other article has it: then
 * the address stays as it was, and `taken` says so); else it follows the headline until first
 * publication and then stays put, so shared links keep working.
 */
async function nextSlug(tx: Tx, article: WorkingCopy, change: ContentChange): Promise<{ slug: string; taken: boolean }> {
  const isTaken = async (candidate: string) =>
    Boolean(await tx.article.findFirst({ where: { slug: candidate, NOT: { id: article.id } }, select: { id: true } }));
  if (change.slug && change.slug !== article.slug) {
    if (!(await isTaken(change.slug))) return { slug: change.slug, taken: false };
    return { slug: article.slug, taken: true };
  }
  if (article.publishedAt || change.headline === article.headline) return { slug: article.slug, taken: false };
  return { slug: await uniqueSlug(slugFromHeadline(change.headline || untitledSlug), isTaken), taken: false };
}

/** The address of a draft with no headline yet; it follows the headline once there is one. */
export const untitledSlug = "untitled-draft";

/** Once readers may have the address, a changed address or section leaves a permanent redirect behind. */
async function keepOldAddress(tx: Tx, article: WorkingCopy, next: { slug: string; sectionId: string }): Promise<void> {
  if (!article.publishedAt || (next.slug === article.slug && next.sectionId === article.sectionId)) return;
  const sections = await tx.section.findMany({ where: { id: { in: [article.sectionId, next.sectionId] } }, select: { id: true, slug: true } });
  const slugOf = (id: string) => sections.find((section) => section.id === id)?.slug;
  const oldPath = `/${slugOf(article.sectionId)}/${article.slug}`;
  const newPath = `/${slugOf(next.sectionId)}/${next.slug}`;
  await tx.articleRedirect.deleteMany({ where: { path: newPath } });
  await tx.articleRedirect.upsert({ where: { path: oldPath }, update: { articleId: article.id }, create: { path: oldPath, articleId: article.id } });
}

/** The document without the images `drop` picks; a block left empty keeps a paragraph, so it stays valid. */
function withoutImages(doc: BodyDoc, drop: (claim: BodyImageClaim) => boolean): BodyDoc {
  const keep = (node: JSONContent): JSONContent | null => {
    if (node.type === "bodyImage") {
      const { mediaId, src, srcset } = node.attrs ?? {};
      if (drop({ mediaId: typeof mediaId === "string" ? mediaId : "", src: String(src ?? ""), srcset: String(srcset ?? "") })) return null;
    }
    if (!node.content) return node;
    const content = node.content.map(keep).filter((child): child is JSONContent => child !== null);
    return { ...node, content: content.length || !node.content.length ? content : [{ type: "paragraph" }] };
  };
  return keep(doc) as BodyDoc;
}
