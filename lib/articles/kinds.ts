/**
 * What sort of piece an article is, and everything that follows from it: the one kind table.
 * The article form (which fields to show and mark as needed), the workflow's completeness check
 * (lib/articles/completeness.ts), the save (an editorial's byline and dateline are dropped), the
 * public pages (labels, the Opinion section's groups, the front page, bylines, structured data)
 * and the reader's routes (the Opinion page's `?kind=` addresses) all read it.
 *
 * The table lives in kinds.json because next.config.js is plain JavaScript and cannot import
 * TypeScript (as lib/site-paths.json); this module gives it types and names.
 *
 * - Reporting (news, analysis) says where it was reported and who reported it, and leads the front page.
 * - An editorial is the paper's own voice: no byline, and it is written from no particular place.
 * - A letter is signed in its text (the byline may name the writer or not) and has no dateline.
 * - Columns and op-eds are signed, and carry a note on the writer; a dateline is the writer's choice.
 */
import table from "./kinds.json";

export type ArticleKind = keyof typeof table;

/** Whether a kind needs a field before review ("required"), may have it ("optional"), or never carries it ("none"). */
export type Requirement = "required" | "optional" | "none";

export type KindRule = {
  /** "Op-ed": beside a piece, in the desk's lists and as the kicker of opinion. */
  label: string;
  /** "Op-eds": a group of them, as the Opinion section's links name it. */
  plural: string;
  /** Opinion lives in the Opinion section, is labelled by kind and is refreshed with the Opinion pages. */
  opinion: boolean;
  /** Whether the kind's latest pieces make the front page's lead and latest stories. */
  leadsFrontPage: boolean;
  dateline: Requirement;
  byline: Requirement;
  /** Whether the form offers a note on the writer ("The author is a former finance minister"). */
  writersNote: boolean;
  /** The schema.org type search engines are told. */
  schemaType: string;
};

const requirements: readonly string[] = ["required", "optional", "none"] satisfies Requirement[];

/** JSON gives plain strings; every kind must still have every rule, of the right type (checked when compiled). */
type KindRuleAsWritten = { [Rule in keyof KindRule]: KindRule[Rule] extends Requirement ? string : KindRule[Rule] };

function checked(kind: string, rule: KindRuleAsWritten): KindRule {
  // The compiler cannot see inside the JSON's strings: a misspelt requirement fails at start-up instead.
  for (const requirement of [rule.dateline, rule.byline]) {
    if (!requirements.includes(requirement)) throw new Error(`kinds.json: "${kind}" has "${requirement}", not one of ${requirements.join(", ")}.`);
  }
  return rule as KindRule;
}

export const kindRules = Object.fromEntries(
  Object.entries(table satisfies Record<ArticleKind, KindRuleAsWritten>).map(([kind, rule]) => [kind, checked(kind, rule)]),
) as Record<ArticleKind, KindRule>;

/** Every kind, in the table's order (the order the desk's menus offer them). */
export const articleKinds = Object.keys(table) as [ArticleKind, ...ArticleKind[]];

/** The kind a new article starts as. */
export const defaultKind: ArticleKind = "news";

export const kindLabels = Object.fromEntries(articleKinds.map((kind) => [kind, kindRules[kind].label])) as Record<ArticleKind, string>;

export function isOpinion(kind: ArticleKind): boolean {
  return kindRules[kind].opinion;
}

/** The Opinion section's kinds, in the table's order. */
export const opinionKinds: readonly ArticleKind[] = articleKinds.filter(isOpinion);

/** The kinds whose latest pieces lead the front page. */
export const frontPageKinds: readonly ArticleKind[] = articleKinds.filter((kind) => kindRules[kind].leadsFrontPage);

/** Editorials speak for the paper: they carry no byline. */
export function hasByline(kind: ArticleKind): boolean {
  return kindRules[kind].byline !== "none";
}

/** Whether the kind carries a dateline at all (editorials and letters do not). */
export function takesDateline(kind: ArticleKind): boolean {
  return kindRules[kind].dateline !== "none";
}

/** Whether the form offers a note on the writer (columns and op-eds). */
export function takesWritersNote(kind: ArticleKind): boolean {
  return kindRules[kind].writersNote;
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
