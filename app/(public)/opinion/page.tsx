import type { Metadata } from "next";
import { OpinionListing, opinionMetadata } from "@/components/public/listings";

/** Opinion, all groups. `?kind=` and `?page=` are rewritten to opinion/kind/… and opinion/page/… (next.config.js). */
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  return opinionMetadata(undefined, 1);
}

export default async function OpinionPage() {
  return <OpinionListing page={1} />;
}
