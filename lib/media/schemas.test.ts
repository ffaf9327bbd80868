import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/desk-results";
import { maxImageBytes, mediaMessages } from "./rules";
import { mediaDetailsSchema, mediaQuerySchema, updateMediaDetailsSchema, uploadMediaSchema } from "./schemas";

const png = (size: number, name = "harbour.png") => new File([new Uint8Array(size)], name, { type: "image/png" });

describe("an image's details", () => {
  it("are trimmed, and caption and credit may be left out", () => {
    expect(mediaDetailsSchema.parse({ alt: "  Boats in the harbour at dawn ", caption: " The harbour " })).toEqual({
      alt: "Boats in the harbour at dawn",
      caption: "The harbour",
      credit: "",
    });
  });

  it("need alt text, shown beside the alt text field", () => {
    const result = mediaDetailsSchema.safeParse({ alt: "   ", caption: "", credit: "" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error).alt).toEqual(["Describe the image for readers who cannot see it."]);
  });

  it("keep each field within its length, each refusal beside its own field", () => {
    const result = mediaDetailsSchema.safeParse({ alt: "a".repeat(251), caption: "c".repeat(1001), credit: "r".repeat(201) });
    expect(result.success).toBe(false);
    if (!result.success) {
      const errors = fieldErrorsOf(result.error);
      expect(errors.alt).toEqual(["Keep the alt text under 250 characters."]);
      expect(errors.caption).toEqual(["Keep the caption under 1,000 characters."]);
      expect(errors.credit).toEqual(["Keep the credit under 200 characters."]);
    }
  });

  it("when edited, name the image", () => {
    expect(updateMediaDetailsSchema.safeParse({ id: "m1", alt: "A ferry" }).success).toBe(true);
    expect(updateMediaDetailsSchema.safeParse({ id: "", alt: "A ferry" }).success).toBe(false);
  });
});

describe("an upload", () => {
  it("carries a file and its details", () => {
    const result = uploadMediaSchema.safeParse({ file: png(100), alt: "A ferry", caption: "", credit: "" });
    expect(result.success).toBe(true);
  });

  it("with no file chosen asks for one, beside the file field", () => {
    for (const file of [undefined, "", new File([], "")]) {
      const result = uploadMediaSchema.safeParse({ file, alt: "A ferry" });
      expect(result.success).toBe(false);
      if (!result.success) expect(fieldErrorsOf(result.error).file).toEqual([mediaMessages.missing]);
    }
  });

  it("refuses an empty file and one over the size limit", () => {
    const empty = uploadMediaSchema.safeParse({ file: new File([], "blank.png"), alt: "A ferry" });
    expect(empty.success).toBe(false);
    if (!empty.success) expect(fieldErrorsOf(empty.error).file).toEqual([mediaMessages.empty]);
    const large = uploadMediaSchema.safeParse({ file: png(maxImageBytes + 1), alt: "A ferry" });
    expect(large.success).toBe(false);
    if (!large.success) expect(fieldErrorsOf(large.error).file).toEqual(["Images must be 10 MB or smaller."]);
    expect(uploadMediaSchema.safeParse({ file: png(maxImageBytes), alt: "A ferry" }).success).toBe(true);
  });
});

describe("a library search", () => {
  it("reads the words and page from the query string, and never fails on a hand-edited one", () => {
    expect(mediaQuerySchema.parse({ q: " harbour ", page: "2" })).toEqual({ q: "harbour", page: 2 });
    expect(mediaQuerySchema.parse({})).toEqual({ q: "", page: 1 });
    expect(mediaQuerySchema.parse({ q: "x".repeat(500), page: "-3" })).toEqual({ q: "", page: 1 });
  });
});
