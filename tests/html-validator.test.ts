import { describe, expect, it } from "vitest";
import { describeNuErrors, nuErrors } from "@/e2e/html-validator";

const page = (body: string) => `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>A page</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

describe("the Nu HTML checker over several documents at once", () => {
  it("finds each document's own errors, with line and column, and none in a valid one", async () => {
    const errors = await nuErrors([
      { name: "valid", html: page("<p>The harbour at dawn.</p>") },
      { name: "image without alt", html: page('<p>Before.</p>\n<img src="/dawn.png">') },
      { name: "stray end tag", html: page("<p>One</p></span>") },
    ]);
    expect(errors.valid).toEqual([]);
    expect(errors["image without alt"]).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining("alt") })]);
    expect(errors["stray end tag"]).toHaveLength(1);
    expect(errors["stray end tag"]![0]!.line).toBe(5);
    expect(describeNuErrors(errors)).toEqual([
      expect.stringMatching(/^image without alt:6:\d+ An “img” element must have an “alt” attribute/),
      expect.stringMatching(/^stray end tag:5:\d+ Stray end tag “span”/),
    ]);
  }, 60_000);
});
