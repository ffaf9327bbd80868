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

const opinionKinds: readonly ArticleKind[] = ["editorial", "column", "op-ed", "letter"];

export function isOpinion(kind: ArticleKind): boolean {
  return opinionKinds.includes(kind);
}

/** Editorials speak for the paper: they carry no byline. */
export function hasByline(kind: ArticleKind): boolean {
  return kind !== "editorial";
}

export function isArticleKind(value: string): value is ArticleKind {
  return (articleKinds as readonly string[]).includes(value);
}
