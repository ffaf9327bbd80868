import { describe, expect, it } from "vitest";
import { formatBytes, sniffImageType, variantWidthsFor } from "./rules";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((char) => char.charCodeAt(0)) : part)));

/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], "ftyp", major, [0, 0, 0, 0], compatible.join(""), [0, 0, 0, 8], "meta");

describe("sniffing an image's type from its first bytes", () => {
  it("knows a JPEG, a PNG, a WebP and an AVIF by their signatures", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"))).toBe("image/jpeg");
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"))).toBe("image/png");
    expect(sniffImageType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(ftyp("avif", "mif1", "miaf"))).toBe("image/avif");
    expect(sniffImageType(ftyp("avis", "msf1"))).toBe("image/avif");
  });

  it("finds AVIF among the compatible brands when the major brand is a generic one", () => {
    expect(sniffImageType(ftyp("mif1", "avif", "miaf"))).toBe("image/avif");
  });

  it("refuses other ISO files: HEIC photos and MP4 video", () => {
    expect(sniffImageType(ftyp("heic", "mif1", "heic"))).toBeNull();
    expect(sniffImageType(ftyp("isom", "iso2", "mp41"))).toBeNull();
  });

  it("refuses a RIFF file that is not WebP (a WAV recording)", () => {
    expect(sniffImageType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull();
  });

  it("refuses text, however the file is named, and an empty or cut-short file", () => {
    expect(sniffImageType(new TextEncoder().encode("This is not a photograph, whatever its name says.\n"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(bytes("RIFF"))).toBeNull();
  });
});

describe("the WebP copies an upload gets", () => {
  it("gives a large photograph the three standard widths", () => {
    expect(variantWidthsFor(4000)).toEqual([480, 960, 1600]);
  });

  it("adds a copy at the image's own width when it is narrower than the largest standard width", () => {
    expect(variantWidthsFor(1200)).toEqual([480, 960, 1200]);
    expect(variantWidthsFor(1600)).toEqual([480, 960, 1600]);
    expect(variantWidthsFor(700)).toEqual([480, 700]);
  });

  it("never enlarges a small image, and still makes one copy of it", () => {
    expect(variantWidthsFor(300)).toEqual([300]);
    expect(variantWidthsFor(480)).toEqual([480]);
    expect(variantWidthsFor(1)).toEqual([1]);
  });

  it("leaves out a copy within 10% of the one before it", () => {
    expect(variantWidthsFor(1000)).toEqual([480, 960]);
    expect(variantWidthsFor(1070)).toEqual([480, 960, 1070]);
  });
});

describe("file sizes in the desk", () => {
  it("shows kilobytes below a megabyte, and megabytes with one decimal above", () => {
    expect(formatBytes(200)).toBe("1 KB");
    expect(formatBytes(640 * 1024)).toBe("640 KB");
    expect(formatBytes(1.25 * 1024 * 1024)).toBe("1.3 MB");
  });
});
