const pageQuery = { type: "query", key: "page", value: "(?<page>[1-9]\\d{0,3})" };
// Top-level paths that are not sections: the one list, lib/site-paths.json (read with types
// through lib/site-paths.ts). A section's slug can never be one of these.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS: require is its import.
const sitePaths = require("./lib/site-paths.json");
const reserved = Object.values(sitePaths.groups).flat().map((path) => path.replace(/[.]/g, "\\."));
const notSections = `(?!(?:${reserved.join("|")})$)[a-z0-9-]+`;
// The Opinion section's kinds: the one kind table, lib/articles/kinds.json (read with types
// through lib/articles/kinds.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS: require is its import.
const kinds = require("./lib/articles/kinds.json");
const opinionKinds = Object.keys(kinds).filter((kind) => kinds[kind].opinion);
const opinionKind = { type: "query", key: "kind", value: `(?<kind>${opinionKinds.join("|")})` };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
  // Public pages are cached in this process's memory, not on disk: see the handler's header.
  cacheHandler: require.resolve("./lib/public-cache/page-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  /**
   * Listing pages keep their shareable `?page=N` and `?kind=` addresses, but a page that reads the
   * query string is rendered per request. Each listing page is therefore also a path
   * (`/city/page/2`, `/opinion/kind/column`) that is cached like any other page, and the query
   * addresses are served from those paths.
   */
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/opinion", has: [opinionKind, pageQuery], destination: "/opinion/kind/:kind/page/:page" },
        { source: "/opinion", has: [opinionKind], destination: "/opinion/kind/:kind" },
        { source: "/opinion", has: [pageQuery], destination: "/opinion/page/:page" },
        { source: "/authors/:slug", has: [pageQuery], destination: "/authors/:slug/page/:page" },
        { source: "/tags/:slug", has: [pageQuery], destination: "/tags/:slug/page/:page" },
        { source: "/corrections", has: [pageQuery], destination: "/corrections/page/:page" },
        { source: `/:section(${notSections})`, has: [pageQuery], destination: "/:section/page/:page" },
      ],
    };
  },
};

module.exports = nextConfig;
