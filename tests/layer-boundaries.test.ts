/**
 * The import boundaries in eslint.config.mjs, held against the layering they are meant to keep
 * (docs/decisions/022): each case is one line of code placed in one file of the tree.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function refusedImports(filePath: string, source: string) {
  const results = await eslint.lintText(`${source}\nexport const used = thing;\n`, { filePath });
  return results.flatMap((result) => result.messages).filter((message) => message.ruleId === "no-restricted-imports").length;
}

// The first lint loads the whole ESLint configuration and its plugins: seconds on a busy machine.
describe("layer boundaries", { timeout: 60_000 }, () => {
  it.each([
    ["lib/articles/example.ts", 'import { thing } from "@/app/desk/layout";', "lib → app"],
    ["lib/articles/example.ts", 'import { thing } from "@/components/desk/article-editor";', "lib → components"],
    ["lib/articles/example.ts", 'import { thing } from "../../components/public/byline";', "lib → components, relative"],
    ["components/desk/example.tsx", 'import { thing } from "@/app/desk/articles/page";', "components → app"],
    ["components/public/pages/example.tsx", 'import { thing } from "@/components/desk/article-table";', "public page → desk screen"],
    ["components/public/pages/example.tsx", 'import { thing } from "@/lib/articles/actions";', "public page → desk actions"],
    ["components/public/pages/example.tsx", 'import { thing } from "@/lib/auth/session";', "public page → sessions"],
    ["components/public/example.tsx", 'import { thing } from "@/lib/articles/desk-queries";', "public component → desk queries"],
    ["lib/public-cache/example.ts", 'import { thing } from "@/lib/articles/commands/publish";', "public cache → commands"],
  ])("refuses %s importing %s (%s)", async (file, source) => {
    expect(await refusedImports(file, source)).toBe(1);
  });

  it.each([
    ["components/desk/example.tsx", 'import { thing } from "@/lib/articles/actions";'],
    ["app/desk/example/page.tsx", 'import { thing } from "@/components/desk/article-table";'],
    ["components/public/pages/example.tsx", 'import { thing } from "@/lib/articles/public-queries";'],
    ["components/public/pages/example.tsx", 'import { thing } from "@/components/public/byline";'],
    ["lib/articles/example.ts", 'import { thing } from "@/lib/db";'],
  ])("allows %s importing %s", async (file, source) => {
    expect(await refusedImports(file, source)).toBe(0);
  });
});
