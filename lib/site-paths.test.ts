import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readerTopLevelPaths } from "./reader/routes";
import { deskPaths, isReservedTopLevelPath, notArticleParents, noticePaths, reservedTopLevelPaths } from "./site-paths";

const app = path.resolve(import.meta.dirname, "..", "app");

/** Files under app/ that answer at the root by Next's metadata conventions, and the address each takes. */
const metadataRoutes: Record<string, string> = {
  robots: "robots.txt",
  sitemap: "sitemap.xml",
  manifest: "manifest.webmanifest",
  favicon: "favicon.ico",
  icon: "icon",
  "apple-icon": "apple-icon",
  "opengraph-image": "opengraph-image",
  "twitter-image": "twitter-image",
};

/**
 * Every first segment of an address that a folder or file under `folder` claims. Route groups
 * ("(public)") are looked into, since they add no segment; dynamic ("[section]") and private
 * ("_x") folders claim none; of the files only Next's metadata routes answer at the root.
 */
function topLevelRoutes(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("(") && entry.name.endsWith(")")) return topLevelRoutes(path.join(folder, entry.name));
      if (entry.name.startsWith("[") || entry.name.startsWith("_")) return [];
      return [entry.name];
    }
    const route = metadataRoutes[entry.name.replace(/\.[a-z]+$/, "")];
    return route ? [route] : [];
  });
}

describe("the site's own top-level paths", () => {
  // Next's routes, the reader's own pages (lib/reader/routes.ts) and the two notices, which have
  // no address but must never be a section's either.
  const routes = [...topLevelRoutes(app), ...readerTopLevelPaths, ...noticePaths];

  it("reads the route folders under app/", () => {
    // A guard on the walk itself: it must see the desk's folders and the files.
    expect(routes).toEqual(expect.arrayContaining(["desk", "api", "media", "robots.txt", "feed.xml"]));
  });

  it("reserves every top-level route under app/, so no section can be hidden by one", () => {
    expect(routes.filter((route) => !isReservedTopLevelPath(route))).toEqual([]);
  });

  it("reserves nothing that is not a route, so the list does not outlive the pages", () => {
    expect(reservedTopLevelPaths.filter((reserved) => !routes.includes(reserved))).toEqual([]);
  });

  it("keeps /opinion's articles beneath it, and no article beneath any other of the site's paths", () => {
    expect(notArticleParents.has("opinion")).toBe(false);
    for (const parent of ["authors", "tags", "media", "search", "desk", "missing"]) expect(notArticleParents.has(parent), parent).toBe(true);
  });

  it("names the desk's paths and the notices among them", () => {
    expect([...deskPaths].sort()).toEqual(["api", "desk", "login"]);
    expect([...noticePaths].sort()).toEqual(["missing", "withdrawn"]);
  });
});
