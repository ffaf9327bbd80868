import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireDeskUser } from "@/lib/auth/session";
import { isDemoMode } from "@/lib/demo";
import { MediaPickerDemo } from "@/components/desk/media-picker-demo";

export const metadata: Metadata = { title: "Try the image picker | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * A place to try the media picker (components/desk/media-picker.tsx) in demo mode, and where the
 * end-to-end tests drive it, until the article editor embeds it; then this page can go.
 */
export default async function MediaPickerPage() {
  await requireDeskUser();
  if (!isDemoMode()) notFound();
  return (
    <>
      <div className="page-heading">
        <h1>Try the image picker</h1>
      </div>
      <p className="hint">The article editor uses this picker for featured and inline images.</p>
      <MediaPickerDemo />
    </>
  );
}
