import { describe, expect, it } from "vitest";
import { countCap, countLimit, searchCountLimit, pageCount, pageNumberParam, pageWindow, queryValue, showingLine } from "./paging";

describe("pages of a view", () => {
  it("shows the second page of 73 as 26–50", () => {
    const window = pageWindow(73, 2, 25);
    expect(window).toMatchObject({ page: 2, pageCount: 3, skip: 25, from: 26, to: 50 });
    expect(showingLine(window)).toBe("Showing 26–50 of 73");
  });

  it("shows the last, short page", () => {
    expect(showingLine(pageWindow(73, 3, 25))).toBe("Showing 51–73 of 73");
  });

  it("shows the last page for a page past the end", () => {
    expect(pageWindow(30, 9, 25)).toMatchObject({ page: 2, skip: 25, from: 26, to: 30 });
  });

  it("has one empty page when nothing matches", () => {
    expect(pageWindow(0, 1, 25)).toMatchObject({ page: 1, pageCount: 1, from: 0, to: 0 });
  });
});

describe("page counts", () => {
  it("round up, with one page for nothing", () => {
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(40, 20)).toBe(2);
    expect(pageCount(0, 20)).toBe(1);
  });
});

describe("page numbers from the query string", () => {
  it("read the first of repeated values and fall back to page 1 on anything else", () => {
    expect(pageNumberParam.parse(["3", "7"])).toBe(3);
    expect(pageNumberParam.parse(" 2 ")).toBe(2);
    expect(pageNumberParam.parse("")).toBe(1);
    expect(pageNumberParam.parse("0")).toBe(1);
    expect(pageNumberParam.parse("two")).toBe(1);
    expect(pageNumberParam.parse(undefined)).toBe(1);
  });

  it("count an empty value as absent", () => {
    expect(queryValue("  ")).toBeUndefined();
    expect(queryValue([" city "])).toBe("city");
  });
});

describe("a list too long to count", () => {
  it("is counted to 10,000, or to the page asked for, and says there are more", () => {
    expect(countCap(1, 25)).toBe(countLimit);
    expect(countCap(900, 25)).toBe(22_500);
    expect(countCap(1, 25, searchCountLimit)).toBe(1_000);
    expect(countCap(50, 25, searchCountLimit)).toBe(1_250);
    const window = pageWindow(countLimit, 1, 25, { more: true });
    expect(showingLine(window)).toBe("Showing 1–25 of more than 10,000");
    expect(window).toMatchObject({ pageCount: 400, more: true });
    // The last counted page is not the last page: it is shown as asked, not clamped back.
    expect(pageWindow(countCap(400, 25), 400, 25, { more: true })).toMatchObject({ page: 400, from: 9_976, to: 10_000 });
    expect(pageWindow(73, 2, 25).more).toBe(false);
  });
});
