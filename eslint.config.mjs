import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/decisions/022): lib/ is the bottom, components/ sit on lib/, app/ on both.
// Nothing imports upwards, and the reader's pages never reach the desk's code.
const intoApp = {
  group: ["@/app", "@/app/**", "**/app/**"],
  message: "Only app/ imports from app/: move what is shared into lib/ (or components/).",
};
const intoComponents = {
  group: ["@/components", "@/components/**", "**/components/**"],
  message: "lib/ sits beneath components/: pass data down instead of importing a component.",
};
const intoDesk = {
  group: [
    "@/app/desk/**",
    "@/components/desk/**",
    "@/lib/auth/**",
    "@/lib/*/actions",
    "@/lib/*/commands/**",
    "@/lib/**/desk-*",
    "@/lib/server/desk-action",
  ],
  message: "Public pages must not import desk code (sessions, actions, commands, desk screens).",
};
const forbid = (...groups) => ({ "no-restricted-imports": ["error", { patterns: groups }] });

const publicCode = [
  "components/public/**",
  "app/news-sitemap.xml/**",
  "app/sitemap.ts",
  "app/robots.ts",
  "app/not-found.tsx",
  "lib/public-cache/**",
  "lib/render/**",
  "lib/reader/**",
];

export const layerBoundaries = [
  { files: ["lib/**/*.{ts,tsx}"], rules: forbid(intoApp, intoComponents) },
  { files: ["components/**/*.{ts,tsx}"], rules: forbid(intoApp) },
  { files: publicCode.filter((path) => !path.startsWith("lib/") && !path.startsWith("components/")), rules: forbid(intoDesk) },
  { files: ["components/public/**"], rules: forbid(intoApp, intoDesk) },
  { files: ["lib/public-cache/**", "lib/render/**", "lib/reader/**"], rules: forbid(intoApp, intoComponents, intoDesk) },
];

// Journeys take `test` from e2e/fixtures.ts, which closes the browser contexts each one opens.
const journeysUseTheFixtures = {
  files: ["e2e/**/*.spec.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      { paths: [{ name: "@playwright/test", importNames: ["test"], message: "Import test from ./fixtures: it closes the contexts a journey opens." }] },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...layerBoundaries,
  journeysUseTheFixtures,
  globalIgnores([".next/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", ".test-data/**", "data/**", "next-env.d.ts"]),
]);
