import { describe, expect, it } from "vitest";
import { slugFromHeadline, uniqueSlug } from "./slug";

describe("slugs", () => {
  it("are made from the headline", () => {
    expect(slugFromHeadline("Harbour authority halts night dredging!")).toBe("harbour-authority-halts-night-dredging");
    expect(slugFromHeadline("“Quotes” & ümlauts — fine")).toBe("quotes-and-umlauts-fine");
  });

  it("never come out empty", () => {
    expect(slugFromHeadline("!!!")).toBe("article");
  });

  it("get a number when taken", async () => {
    const taken = new Set(["budget", "budget-2"]);
    expect(await uniqueSlug("budget", async (slug) => taken.has(slug))).toBe("budget-3");
  });
});
