import sharp from "sharp";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectImage, prepareImage } from "./images";
import { maxImageBytes, mediaMessages } from "./rules";

/** A real image made by sharp: a two-colour picture, so resizing has something to keep. */
async function picture(width: number, height: number, format: "png" | "jpeg" | "webp" | "avif") {
  const left = await sharp({ create: { width: Math.ceil(width / 2), height, channels: 3, background: "#1d5fd1" } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: "#f3f1ec" } })
    .composite([{ input: left, left: 0, top: 0 }])
    .toFormat(format)
    .toBuffer();
}

const text = (value: string) => new TextEncoder().encode(value);

async function prepared(bytes: Uint8Array) {
  const result = await prepareImage(bytes);
  if (!result.ok) throw new Error(`Refused: ${result.message}`);
  return result;
}

describe("preparing an upload with sharp", () => {
  it("keeps a PNG as a PNG and makes WebP copies at the standard widths, in proportion", async () => {
    const image = await prepared(await picture(2000, 1000, "png"));
    expect(image).toMatchObject({ mimeType: "image/png", width: 2000, height: 1000 });
    expect((await sharp(image.original).metadata()).format).toBe("png");
    expect(image.variants.map((variant) => variant.width)).toEqual([480, 960, 1600]);
    for (const variant of image.variants) {
      const metadata = await sharp(variant.bytes).metadata();
      expect(metadata.format).toBe("webp");
      expect(metadata.width).toBe(variant.width);
      expect(metadata.height).toBe(variant.width / 2);
    }
  });

  it("accepts JPEG, WebP and AVIF, each kept in its own format", async () => {
    for (const [format, mimeType, decoded] of [
      ["jpeg", "image/jpeg", "jpeg"],
      ["webp", "image/webp", "webp"],
      ["avif", "image/avif", "heif"],
    ] as const) {
      const image = await prepared(await picture(640, 480, format));
      expect(image.mimeType).toBe(mimeType);
      expect((await sharp(image.original).metadata()).format).toBe(decoded);
      expect(image.variants.map((variant) => variant.width)).toEqual([480, 640]);
    }
  });

  it("makes one copy of a small image, at its own size", async () => {
    const image = await prepared(await picture(300, 200, "png"));
    expect(image.variants.map((variant) => variant.width)).toEqual([300]);
  });

  it("turns a phone photo the right way up and drops its location and camera details", async () => {
    // Stored sideways with an EXIF orientation of 6 ("rotate 90° to display"), as phones do.
    const sideways = await sharp(await picture(600, 400, "jpeg"))
      .withExif({ IFD0: { Make: "PhoneMaker", Model: "Reporter Phone" }, IFD3: { GPSLatitudeRef: "N" } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(sideways.includes("Reporter Phone")).toBe(true);
    const image = await prepared(sideways);
    expect({ width: image.width, height: image.height }).toEqual({ width: 400, height: 600 });
    const stored = await sharp(image.original).metadata();
    expect({ width: stored.width, height: stored.height, orientation: stored.orientation }).toEqual({ width: 400, height: 600, orientation: undefined });
    expect(stored.exif).toBeUndefined();
    expect(image.original.includes("Reporter Phone")).toBe(false);
  });

  it("never stores bytes smuggled after the image", async () => {
    const polyglot = Buffer.concat([await picture(100, 100, "png"), Buffer.from("<script>alert(1)</script>")]);
    const image = await prepared(polyglot);
    expect(image.original.includes("<script>")).toBe(false);
  });
});

describe("refusing what is not an image we keep", () => {
  it("refuses a text file, whatever it is called", async () => {
    expect(await prepareImage(text("Notes from the council meeting.\nNot a photo at all.\n"))).toEqual({
      ok: false,
      message: "This file is not a JPEG, PNG, WebP or AVIF image.",
    });
  });

  it("refuses types sharp can read but the library does not keep (GIF, TIFF, SVG)", async () => {
    for (const format of ["gif", "tiff"] as const) {
      const bytes = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#000" } }).toFormat(format).toBuffer();
      expect(await prepareImage(bytes)).toEqual({ ok: false, message: mediaMessages.notAnImage });
    }
    expect(await prepareImage(text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toEqual({
      ok: false,
      message: mediaMessages.notAnImage,
    });
  });

  it("refuses a truncated image as damaged, for each type", async () => {
    for (const format of ["png", "jpeg", "webp", "avif"] as const) {
      const whole = await picture(400, 300, format);
      const result = await prepareImage(whole.subarray(0, Math.floor(whole.length / 2)));
      expect(result, format).toEqual({ ok: false, message: mediaMessages.unreadable });
    }
  });

  it("refuses a file that starts like a JPEG and then is not one", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("nothing to see here ".repeat(20))]);
    expect(await prepareImage(fake)).toEqual({ ok: false, message: mediaMessages.unreadable });
  });

  it("refuses an empty file and one over the size limit before decoding anything", async () => {
    expect(await inspectImage(new Uint8Array())).toEqual({ ok: false, message: mediaMessages.empty });
    const huge = new Uint8Array(maxImageBytes + 1);
    huge.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await inspectImage(huge)).toEqual({ ok: false, message: "Images must be 10 MB or smaller." });
  });

  it("refuses a small file that declares an enormous picture, from its header alone", async () => {
    const tiny = Buffer.from(await picture(2, 2, "png"));
    // IHDR's width and height sit at bytes 16-23; its CRC covers "IHDR" and the 13 bytes of data.
    tiny.writeUInt32BE(10_000, 16);
    tiny.writeUInt32BE(10_000, 20);
    tiny.writeUInt32BE(crc32(tiny.subarray(12, 29)), 29);
    expect(await prepareImage(tiny)).toEqual({ ok: false, message: mediaMessages.tooManyPixels });
  });
});
