/**
 * Which of an article's fields a save may change, and by whom: a reporter's save cannot change what
 * is the editor's (after Ghost's contributor limits), whatever the request carries.
 *
 * - Nothing, when the actor may not edit the article in its state at all (`canEditText`: a reporter
 *   only in their own draft or one sent back to them).
 * - Who else signs the story is an editor's call ("edit:byline:any"): a reporter may add or remove
 *   only their own name, and may not make it a kind that carries no byline while others sign it.
 * - The address of a story readers have had (its slug and section) is an editor's call
 *   ("edit:published-address:any"): readers and search engines hold it, and a change leaves redirects.
 *
 * The save refuses such a change with a message beside its field and keeps the article's own value;
 * the rest of the draft is saved (lib/articles/commands/save-article.ts). Pure: no database, no clock.
 */
import { can, refusalOf, type Actor } from "@/lib/auth/policy";
import type { FieldErrors } from "@/lib/desk-results";
import { hasByline, isArticleKind } from "./kinds";
import type { DraftFields } from "./schemas";
import { canEditText, type WorkflowArticle } from "./workflow";

export type ArticleField = keyof DraftFields;

/** Free to change, not to be changed, or (a byline) changed only as far as one's own name goes. */
export type FieldAccess = "edit" | "locked" | "own-name";

export type EditableArticle = WorkflowArticle & { publishedAt: Date | null };

export function editableFields(actor: Actor, article: EditableArticle): Record<ArticleField, FieldAccess> {
  const open: FieldAccess = canEditText(article, actor) ? "edit" : "locked";
  const address: FieldAccess = open === "edit" && (!article.publishedAt || can(actor, "edit:published-address:any")) ? "edit" : "locked";
  const byline: FieldAccess = open === "edit" && !can(actor, "edit:byline:any") ? "own-name" : open;
  return {
    headline: open,
    dateline: open,
    standfirst: open,
    body: open,
    kind: open,
    seoTitle: open,
    seoDescription: open,
    writerBio: open,
    tags: open,
    featuredImage: open,
    sectionId: address,
    slug: address,
    bylineIds: byline,
  };
}

/** What the article has now, for the fields whose change may be reserved. */
export type ReservedFieldValues = { slug: string; sectionId: string; kind: string; bylineIds: readonly string[] };

/**
 * `change` without the changes `access` does not allow, each named in `fieldErrors` with why. A
 * field left out, or sent as the article already has it, is no change: the form sends every field.
 */
export function withoutReservedChanges(
  access: Record<ArticleField, FieldAccess>,
  current: ReservedFieldValues,
  change: DraftFields,
  actor: Pick<Actor, "id">,
): { change: DraftFields; fieldErrors: FieldErrors } {
  const kept: DraftFields = { ...change };
  const fieldErrors: FieldErrors = {};
  const refuse = (field: ArticleField, message: string) => {
    delete kept[field];
    fieldErrors[field] = [message];
  };
  // An empty address means "follow the headline", which a published story's address no longer does.
  if (access.slug === "locked" && change.slug && change.slug !== current.slug) refuse("slug", refusalOf("edit:published-address:any"));
  if (access.sectionId === "locked" && change.sectionId !== undefined && change.sectionId !== current.sectionId) {
    refuse("sectionId", refusalOf("edit:published-address:any"));
  }
  if (access.bylineIds !== "edit") {
    const others = (ids: readonly string[]) => (access.bylineIds === "locked" ? ids : ids.filter((id) => id !== actor.id)).join("\n");
    const before = others(current.bylineIds);
    if (change.bylineIds && others(change.bylineIds) !== before) refuse("bylineIds", refusalOf("edit:byline:any"));
    const kind = kept.kind ?? current.kind;
    if (before && isArticleKind(kind) && !hasByline(kind)) {
      refuse("kind", `${refusalOf("edit:byline:any")} This kind carries no byline.`);
    }
  }
  return { change: kept, fieldErrors };
}
