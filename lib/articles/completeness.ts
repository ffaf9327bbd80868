/**
 * When a story is complete. A draft may be anything the writer has so far (a headline, or a few
 * words of the story); completeness is a rule of the workflow, checked on the server when a story
 * is submitted, approved, scheduled or (re)published (the `requiresComplete` moves in
 * workflow.ts). Pure: the commands read the article and its byline, this says what is missing.
 */
import { bodyPlainText, collectAddresses, parseBody } from "@/lib/render/document";
import { isArticleKind, kindRules } from "./kinds";

export type ReviewCandidate = {
  headline: string;
  dateline: string;
  body: string;
  /** As stored: a kind the newsroom does not know counts as missing. */
  kind: string;
  sectionId: string | null;
  bylineIds: readonly string[];
};

export type CompletenessField = "headline" | "dateline" | "sectionId" | "kind" | "body" | "bylineIds";

/** Each missing field's message, shown beside the field in the form. */
export const missingMessages = {
  headline: "Write a headline.",
  dateline: "Give a dateline, e.g. KARACHI: news and analysis need one.",
  sectionId: "Choose a section.",
  kind: "Choose what kind of piece this is.",
  body: "Write the story.",
  bylineIds: "Name at least one author: only editorials and letters go unsigned.",
} satisfies Record<CompletenessField, string>;

/** How a missing field is named in the one-line refusal, in form order. */
const fieldNames = {
  headline: "a headline",
  dateline: "a dateline",
  sectionId: "a section",
  kind: "the kind",
  body: "the story",
  bylineIds: "a byline",
} satisfies Record<CompletenessField, string>;

/** Whether a body says anything: words, or at least an image or an embed. */
export function bodyHasContent(body: string): boolean {
  if (!body.trim()) return false;
  const doc = parseBody(body);
  const { images, embeds } = collectAddresses(doc);
  return bodyPlainText(doc).trim() !== "" || images.length > 0 || embeds.length > 0;
}

/** Every field the story still needs before the editors take it, each with its message; empty when complete. */
export function missingForReview(article: ReviewCandidate): Partial<Record<CompletenessField, string[]>> {
  const missing: Partial<Record<CompletenessField, string[]>> = {};
  const need = (field: CompletenessField) => (missing[field] = [missingMessages[field]]);
  if (!article.headline.trim()) need("headline");
  const kind = isArticleKind(article.kind) ? article.kind : null;
  if (kind && kindRules[kind].dateline === "required" && !article.dateline.trim()) need("dateline");
  if (!article.sectionId) need("sectionId");
  if (!kind) need("kind");
  if (!bodyHasContent(article.body)) need("body");
  if (kind && kindRules[kind].byline === "required" && article.bylineIds.length === 0) need("bylineIds");
  return missing;
}

/** "Before it goes to review, add a headline, a dateline and a byline." */
export function incompleteMessage(missing: Partial<Record<CompletenessField, string[]>>, purpose: string): string {
  const names = (Object.keys(fieldNames) as CompletenessField[]).filter((field) => missing[field]).map((field) => fieldNames[field]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return `Before it ${purpose}, add ${list}.`;
}
