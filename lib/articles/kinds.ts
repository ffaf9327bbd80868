/** What sort of piece an article is. Opinion kinds live in the Opinion section and are labelled by kind. */
export const articleKinds = ["news", "analysis", "editorial", "column", "op-ed", "letter"] as const;
export type ArticleKind = (typeof articleKinds)[number];

export const kindLabels = {
  news: "News",
  analysis: "Analysis",
  editorial: "Editorial",
  column: "Column",
  "op-ed": "Op-ed",
  letter: "Letter",
} satisfies Record<ArticleKind, string>;

/** Whether a kind needs a field before review ("required"), may have it ("optional"), or never carries it ("none"). */
export type Requirement = "required" | "optional" | "none";

/**
 * What each kind carries: the one table the article form (which fields to show and mark as
 * needed), the workflow's completeness check (lib/articles/completeness.ts), the save (an
 * editorial's byline and dateline are dropped) and the public pages all read.
 * - Reporting (news, analysis) says where it was reported and who reported it.
 * - An editorial is the paper's own voice: no byline, and it is written from no particular place.
 * - A letter is signed in its text (the byline may name the writer or not) and has no dateline.
 * - Columns and op-eds are signed; a dateline is the writer's choice.
 */
export const kindRules = {
  news: { dateline: "required", byline: "required" },
  analysis: { dateline: "required", byline: "required" },
  editorial: { dateline: "none", byline: "none" },
  column: { dateline: "optional", byline: "required" },
  "op-ed": { dateline: "optional", byline: "required" },
  letter: { dateline: "none", byline: "optional" },
} as const satisfies Record<ArticleKind, { dateline: Requirement; byline: Requirement }>;

const opinionKinds: readonly ArticleKind[] = ["editorial", "column", "op-ed", "letter"];

export function isOpinion(kind: ArticleKind): boolean {
  return opinionKinds.includes(kind);
}

/** Editorials speak for the paper: they carry no byline. */
export function hasByline(kind: ArticleKind): boolean {
  return kindRules[kind].byline !== "none";
}

/** Whether the kind carries a dateline at all (editorials and letters do not). */
export function takesDateline(kind: ArticleKind): boolean {
  return kindRules[kind].dateline !== "none";
}

/**
 * The dateline as printed before the body ("HARBOURTON"), or null when there is none to print:
 * never an empty one (a lone colon), and never on a kind that carries none, whatever is stored.
 */
export function printedDateline(kind: ArticleKind, dateline: string): string | null {
  const text = dateline.trim();
  return text && takesDateline(kind) ? text : null;
}

export function isArticleKind(value: string): value is ArticleKind {
  return (articleKinds as readonly string[]).includes(value);
}
