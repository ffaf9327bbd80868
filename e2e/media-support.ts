/** What the journeys with images share: real images drawn by sharp, uploads through the API. */
import sharp from "sharp";
import { expect, type Locator, type Page } from "@playwright/test";

/** A word no other test uses, so a search finds only what this test made. */
export function uniqueTag(word: string): string {
  return `${word}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A real PNG, drawn by sharp: a harbour-blue rectangle with a pale half. */
export async function pngOf(width: number, height: number): Promise<Buffer> {
  const half = await sharp({ create: { width: Math.ceil(width / 2), height, channels: 3, background: "#f3f1ec" } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: "#12355b" } })
    .composite([{ input: half, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

export async function expectLoadedImage(image: Locator) {
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
}

/** Uploads through the API as `page`'s user; returns the stored image. */
export async function uploaded(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, alt: string) {
  const response = await page.request.post("/api/media", { multipart: { file, alt, caption: "", credit: "" } });
  expect(response.status()).toBe(200);
  return (await response.json()).image as { id: string; storageKey: string; mimeType: string; variantWidths: string; originalName: string };
}

