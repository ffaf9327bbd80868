"use client";

import { useState } from "react";
import type { PickedImage } from "@/lib/media/types";
import { MediaPicker } from "./media-picker";

/**
 * The picker inside a form, as the article editor will hold it, showing what it hands back. Here
 * until the article editor embeds the picker; then this and /desk/media/picker can go.
 */
export function MediaPickerDemo() {
  const [image, setImage] = useState<PickedImage | null>(null);
  const [submitted, setSubmitted] = useState(0);
  return (
    <form
      className="admin-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted((count) => count + 1);
      }}
    >
      <MediaPicker label="Featured image" value={image} onChange={setImage} />
      <p>
        Chosen: <output aria-label="Chosen image">{image ? `${image.alt} (${image.id})` : "none"}</output>
      </p>
      <div className="button-row">
        <button type="submit" className="button">
          Submit the form
        </button>
        <p role="status">{submitted > 0 ? `The form was submitted ${submitted} ${submitted === 1 ? "time" : "times"}.` : ""}</p>
      </div>
    </form>
  );
}
