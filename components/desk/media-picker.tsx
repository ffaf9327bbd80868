"use client";
// TEMPORARY local placeholder until the media branch merges (not committed).
import type { PickedImage } from "@/lib/media/types";
export function MediaPicker({ label }: { label: string; value: PickedImage | null; onChange: (value: PickedImage | null) => void }) {
  return <p className="hint">{label}: the media library is not available yet.</p>;
}
