/**
 * Sends an image to POST /api/media from the browser (the desk's upload form and the picker). A
 * file over the limit is refused here before it is sent; the server checks everything again.
 */
import type { ActionResult } from "@/lib/desk-results";
import { maxImageBytes, mediaMessages } from "@/lib/media/rules";
import type { LibraryImage } from "@/lib/media/types";
import type { MediaDetailsValues } from "./media-fields";

export type UploadResult = ActionResult<{ image: LibraryImage }>;

export async function sendUpload(file: File | null, details: MediaDetailsValues): Promise<UploadResult> {
  if (file && file.size > maxImageBytes) {
    return { ok: false, code: "too_large", error: "Some fields need attention.", fieldErrors: { file: [mediaMessages.tooLarge] } };
  }
  const form = new FormData();
  if (file) form.set("file", file);
  form.set("alt", details.alt);
  form.set("caption", details.caption);
  form.set("credit", details.credit);
  try {
    const response = await fetch("/api/media", { method: "POST", body: form });
    const answer = (await response.json().catch(() => null)) as UploadResult | null;
    if (answer && typeof answer.ok === "boolean") return answer;
    return { ok: false, error: `The upload failed (${response.status}). Try again.` };
  } catch {
    return { ok: false, error: "The upload did not reach the server. Check your connection and try again." };
  }
}
