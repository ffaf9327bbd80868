/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project as its first step and says so here: its build need
  // not check the same files again (half a minute on a 2-core machine). `npm start` still does.
  typescript: { ignoreBuildErrors: process.env.NEWSDESK_TYPES_CHECKED === "yes" },
  typedRoutes: false,
  // Public pages are cached in this process's memory, not on disk: see the handler's header.
  cacheHandler: require.resolve("./lib/public-cache/page-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  /**
   * The reader's font and the icons (public/) are fetched by every first visit and change once in a
   * long while: browsers keep them a week (Next would say max-age=0). Their names carry no hash, so
   * not `immutable`: a new font gets a new name (scripts/make-reader-font.py).
   */
  async headers() {
    const week = [{ key: "Cache-Control", value: "public, max-age=604800, stale-while-revalidate=86400" }];
    return [
      { source: "/fonts/:file", headers: week },
      { source: "/favicon.ico", headers: week },
      { source: "/icon.svg", headers: week },
    ];
  },
};

module.exports = nextConfig;
