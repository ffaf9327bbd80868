/**
 * Writes a prepared image's files (the original and its WebP copies) to storage under a new key,
 * and gives back the facts its database row records. Uploads and the demo seed both store images
 * this way; each then writes its row, and calls `discard` if that fails, so no files are left
 * without a row. Node-only (no "server-only" guard: the seed, run by tsx, uses it too).
 */
import { randomBytes } from "node:crypto";
import type { PreparedImage } from "./images";
import { mediaStorage } from "./storage";
import { extensionFor } from "./urls";

export type StoredImageFacts = {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  variantWidths: string;
};

/** 128 random bits: an image's address cannot be guessed before it is published. */
function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

export async function storeImageFiles(prepared: PreparedImage): Promise<{ facts: StoredImageFacts; discard: () => Promise<void> }> {
  const storage = mediaStorage();
  const storageKey = newStorageKey();
  const discard = () => storage.delete(storageKey).catch(() => undefined);
  try {
    await storage.put(storageKey, `original.${extensionFor(prepared.mimeType)}`, prepared.original);
    for (const variant of prepared.variants) await storage.put(storageKey, `${variant.width}.webp`, variant.bytes);
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    facts: {
      storageKey,
      mimeType: prepared.mimeType,
      width: prepared.width,
      height: prepared.height,
      bytes: prepared.original.length,
      variantWidths: prepared.variants.map((variant) => variant.width).join(","),
    },
    discard,
  };
}
