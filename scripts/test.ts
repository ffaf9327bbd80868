/**
 * npm test: type-check, lint, unit tests, the integration tests again on PostgreSQL
 * (scripts/test-postgres.ts), then the Playwright journeys against a production build on a
 * throwaway database. Ends with one line of real totals, `N passed, N failed`, counting every
 * unit and end-to-end test plus the type-check and lint steps, and exits non-zero on any failure.
 */
import fs from "node:fs";
import path from "node:path";
import { ensureBuild, npx, prepareEnvironment, root, run } from "./runtime";

type Tally = { passed: number; failed: number };
const totals: Tally = { passed: 0, failed: 0 };
const outDir = path.join(root, ".test-data");

async function step(name: string, command: string, args: string[], count?: () => Tally) {
  console.log(`\n━━ ${name} ━━`);
  let ok = true;
  try {
    await run(command, args);
  } catch {
    ok = false;
  }
  const tally = count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A runner that crashed before reporting still counts as a failure.
  if (!ok && tally.failed === 0) tally.failed = 1;
  totals.passed += tally.passed;
  totals.failed += tally.failed;
  console.log(`${name}: ${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  // Nothing in the test run touches the developer's own database.
  process.env.DATABASE_URL = `file:${path.join(outDir, "e2e.db")}`;
  process.env.NEXTAUTH_SECRET ||= "test-only-secret";
  prepareEnvironment({ port: Number(process.env.E2E_PORT || 3100) });

  const typesChecked = await step("Type-check", npx.tsc, ["--noEmit"]);
  if (typesChecked) process.env.NEWSDESK_TYPES_CHECKED = "yes";
  await step("Lint", npx.eslint, [".", "--max-warnings=0"]);

  const vitestReport = path.join(outDir, "vitest.json");
  await step("Unit tests", npx.vitest, ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], () => {
    const report = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestReport);
    return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
  });

  // The integration suite again, on a PostgreSQL server the script starts in a throwaway folder.
  const postgresReport = path.join(outDir, "vitest-postgres.json");
  await step(
    "Integration tests on PostgreSQL",
    npx.tsx,
    ["scripts/test-postgres.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${postgresReport}`],
    () => {
      const report = readJson<{ numPassedTests: number; numFailedTests: number }>(postgresReport);
      return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
    },
  );

  console.log("\n━━ Production build ━━");
  let built = true;
  try {
    await ensureBuild();
  } catch {
    built = false;
    totals.failed += 1;
    console.log("Production build: failed");
  }

  if (built) {
    const playwrightReport = path.join(outDir, "playwright.json");
    await step("End-to-end tests", npx.playwright, ["test"], () => {
      const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightReport);
      return { passed: report?.stats.expected ?? 0, failed: (report?.stats.unexpected ?? 0) + (report?.stats.flaky ?? 0) };
    });
  }

  console.log(`\nTotals: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`\nTotals: ${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
