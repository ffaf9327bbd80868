import { describe, expect, it } from "vitest";
import { deletionBlocker, moveInOrder, sectionSlugFor, sectionSlugProblem } from "./rules";
import { addSectionSchema } from "./schemas";

describe("a new section's address", () => {
  it("is made from its name", () => {
    expect(sectionSlugFor("Science & Health")).toBe("science-and-health");
    expect(sectionSlugFor("  Économie ")).toBe("economie");
  });

  it("cannot be made from a name with no letters or digits", () => {
    expect(sectionSlugFor("!!!")).toBeNull();
    expect(sectionSlugFor("日本")).toBeNull();
  });

  it("cannot be a page the site already has, Opinion included", () => {
    for (const slug of ["desk", "login", "api", "opinion", "search", "authors", "tags", "corrections", "media", "missing", "withdrawn"]) {
      expect(sectionSlugProblem(slug, []), slug).toMatch(/already a page/);
    }
  });

  it("is refused beside the name field when the name makes one of the site's own paths", () => {
    for (const name of ["Media", "Missing", "Withdrawn", "Desk", "Login", "API", " search "]) {
      const parsed = addSectionSchema.safeParse({ name });
      expect(parsed.success, name).toBe(false);
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["name", `“/${name.trim().toLowerCase()}” is already a page of the site. Choose another name.`],
      ]);
    }
    expect(addSectionSchema.safeParse({ name: "Media Watch" }).success).toBe(true);
  });

  it("cannot be another section's", () => {
    expect(sectionSlugProblem("city", ["city", "world"])).toMatch(/already a section/);
    expect(sectionSlugProblem("science", ["city", "world"])).toBeNull();
  });
});

describe("the order of sections", () => {
  const order = ["city", "national", "world"];

  it("moves a section one place up or down", () => {
    expect(moveInOrder(order, "world", "up")).toEqual(["city", "world", "national"]);
    expect(moveInOrder(order, "city", "down")).toEqual(["national", "city", "world"]);
  });

  it("cannot move the first section up, the last down, or an unknown one", () => {
    expect(moveInOrder(order, "city", "up")).toBeNull();
    expect(moveInOrder(order, "world", "down")).toBeNull();
    expect(moveInOrder(order, "sport", "up")).toBeNull();
  });

  it("leaves the original order untouched", () => {
    moveInOrder(order, "world", "up");
    expect(order).toEqual(["city", "national", "world"]);
  });
});

describe("deleting a section", () => {
  it("is allowed when nothing uses it", () => {
    expect(deletionBlocker("Science", { articles: 0, assignments: 0 })).toBeNull();
  });

  it("is refused while any article uses it, saying how many", () => {
    expect(deletionBlocker("City", { articles: 1, assignments: 0 })).toMatch(/1 article uses it/);
    expect(deletionBlocker("City", { articles: 12, assignments: 3 })).toMatch(/12 articles use it/);
  });

  it("is refused while an assignment names it", () => {
    expect(deletionBlocker("Science", { articles: 0, assignments: 2 })).toMatch(/2 assignments name it/);
  });
});
