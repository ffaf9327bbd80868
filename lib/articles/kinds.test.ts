import { describe, expect, it } from "vitest";
import { articleKinds, frontPageKinds, hasByline, isArticleKind, kindRules, opinionKinds, printedDateline, takesDateline, takesWritersNote } from "./kinds";

describe("the kind table", () => {
  it("lists every kind once, in the order the desk offers them", () => {
    expect(articleKinds).toEqual(["news", "analysis", "editorial", "column", "op-ed", "letter"]);
    expect(isArticleKind("op-ed")).toBe(true);
    expect(isArticleKind("gossip")).toBe(false);
  });

  it("puts reporting on the front page and the rest in Opinion", () => {
    expect(frontPageKinds).toEqual(["news", "analysis"]);
    expect(opinionKinds).toEqual(["editorial", "column", "op-ed", "letter"]);
    expect(opinionKinds.map((kind) => kindRules[kind].plural)).toEqual(["Editorials", "Columns", "Op-eds", "Letters"]);
  });

  it("signs everything but editorials, and lets a letter go unsigned", () => {
    expect(articleKinds.filter(hasByline)).toEqual(["news", "analysis", "column", "op-ed", "letter"]);
    expect(kindRules.letter.byline).toBe("optional");
  });

  it("gives a dateline to reporting, lets columns and op-eds choose, and prints none on editorials and letters", () => {
    expect(articleKinds.filter(takesDateline)).toEqual(["news", "analysis", "column", "op-ed"]);
    expect(printedDateline("news", " HARBOURTON ")).toBe("HARBOURTON");
    expect(printedDateline("letter", "HARBOURTON")).toBeNull();
    expect(printedDateline("column", "  ")).toBeNull();
  });

  it("offers a writer's note on columns and op-eds", () => {
    expect(articleKinds.filter(takesWritersNote)).toEqual(["column", "op-ed"]);
  });
});
