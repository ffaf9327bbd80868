/**
 * The files in public/ that every reader page fetches: the one font file within its budget, and
 * the icons browsers ask for (scripts/make-reader-font.py and scripts/make-icons.ts make them).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoArticles } from "@/prisma/demo/content";

const publicFolder = path.resolve(import.meta.dirname, "..", "public");
const read = (file: string) => fs.readFileSync(path.join(publicFolder, file));
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The images an ICO file lists: each entry's size and its bytes. */
function icoImages(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { width: ico.readUInt8(entry) || 256, height: ico.readUInt8(entry + 1) || 256, bytes: ico.subarray(offset, offset + length), length };
  });
}

describe("the reader's font", () => {
  const font = read("fonts/source-serif-4-reader.woff2");

  it("is one WOFF2 file under 30 KB", () => {
    expect(font.subarray(0, 4).toString("latin1")).toBe("wOF2");
    expect(font.length).toBeLessThan(30_000);
    // The header's own length field agrees: the file is whole.
    expect(font.readUInt32BE(8)).toBe(font.length);
  });

  it("is the one the stylesheet loads", () => {
    const css = fs.readFileSync(path.resolve(publicFolder, "..", "components", "public", "reader-font.css"), "utf8");
    expect(css).toContain('url("/fonts/source-serif-4-reader.woff2") format("woff2")');
    expect(css).toMatch(/font-display: (swap|optional)/);
  });
});

/** The code points a `unicode-range` descriptor names ("U+0020-007E, U+2022"). */
function inRange(descriptor: string): (codePoint: number) => boolean {
  const ranges = [...descriptor.matchAll(/U\+([0-9A-F]+)(?:-([0-9A-F]+))?/gi)].map(([, from, to]) => [parseInt(from!, 16), parseInt(to ?? from!, 16)] as const);
  return (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

describe("the reader's font covers the paper", () => {
  it("has every character of the demo newsroom's stories in its unicode-range", () => {
    const css = fs.readFileSync(path.resolve(publicFolder, "..", "components", "public", "reader-font.css"), "utf8");
    const covered = inRange(/unicode-range:([^;]+);/.exec(css)![1]!);
    const text = demoArticles.map((article) => [article.headline, article.standfirst ?? "", article.body].join(" ")).join(" ");
    const missing = [...new Set(text)].filter((char) => !/\s/.test(char) && !covered(char.codePointAt(0)!));
    expect(missing).toEqual([]);
    expect(covered("\u2019".codePointAt(0)!) && covered("\u20AC".codePointAt(0)!)).toBe(true);
  });
});

describe("the site's icons", () => {
  it("favicon.ico holds the mark at 16, 32 and 48 px, each a whole PNG image", () => {
    const ico = read("favicon.ico");
    const images = icoImages(ico);
    expect(images.map((image) => [image.width, image.height])).toEqual([
      [16, 16],
      [32, 32],
      [48, 48],
    ]);
    for (const image of images) {
      expect(image.bytes.length).toBe(image.length);
      expect(image.bytes.subarray(0, 8).equals(pngSignature)).toBe(true);
      // The PNG's own header (IHDR) gives the same size as the directory.
      expect([image.bytes.readUInt32BE(16), image.bytes.readUInt32BE(20)]).toEqual([image.width, image.height]);
    }
  });

  it("icon.svg is a square SVG that follows the dark colour scheme", () => {
    const svg = read("icon.svg").toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="[^"]+" viewBox="0 0 64 64">/);
    expect(svg).toContain("@media (prefers-color-scheme: dark)");
  });
});
