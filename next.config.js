/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
  // Public pages are cached in this process's memory, not on disk: see the handler's header.
  cacheHandler: require.resolve("./lib/public-cache/page-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
};

module.exports = nextConfig;
