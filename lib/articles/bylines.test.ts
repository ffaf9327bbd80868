import { describe, expect, it } from "vitest";
import { bylineNames, publicByline } from "./bylines";

const ana = { id: "u1", name: "Ana Ruiz", slug: "ana-ruiz" };
const tom = { id: "u2", name: "Tom Lee", slug: null };
const owner = { id: "u3", name: "Sam Okafor", slug: "sam-okafor" };

describe("a live article's byline", () => {
  it("lists its writers in print order, each linked to their page", () => {
    expect(publicByline("news", [{ position: 1, user: tom }, { position: 0, user: ana }], owner)).toEqual([
      { name: "Ana Ruiz", path: "/authors/ana-ruiz" },
      { name: "Tom Lee", path: "/authors/u2" },
    ]);
  });

  it("is empty for an editorial, which speaks for the paper", () => {
    expect(publicByline("editorial", [{ position: 0, user: ana }], owner)).toEqual([]);
  });

  it("falls back to the article's owner for revisions saved before bylines existed", () => {
    expect(publicByline("column", [], owner)).toEqual([{ name: "Sam Okafor", path: "/authors/sam-okafor" }]);
  });

  it("reads as a sentence", () => {
    expect(bylineNames([ana])).toBe("Ana Ruiz");
    expect(bylineNames([ana, tom])).toBe("Ana Ruiz and Tom Lee");
    expect(bylineNames([ana, tom, owner])).toBe("Ana Ruiz, Tom Lee and Sam Okafor");
  });
});
