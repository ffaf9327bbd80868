/**
 * The data folder holds password hashes, the session secret and unpublished stories: `npm start`
 * makes it readable by its owner only, tightens one an older version left open, and keeps the
 * secret it makes there (where a backup finds it) readable by its owner only.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareEnvironment, root, secretFile } from "@/scripts/runtime";

const saved = { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET };
const folders: string[] = [];

function dataFolder(): string {
  const folder = path.join(root, ".test-data", `data-folder-${process.pid}-${folders.length}`);
  folders.push(folder);
  process.env.DATABASE_URL = `file:${path.join(folder, "newsdesk.db")}`;
  delete process.env.NEXTAUTH_SECRET;
  return folder;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  Object.assign(process.env, saved);
  for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key];
});

describe("the data folder", () => {
  it("is created readable by its owner only, with the secret kept in it", () => {
    const folder = dataFolder();
    prepareEnvironment({ port: 3000 });
    expect(modeOf(folder)).toBe(0o700);
    expect(secretFile()).toBe(path.join(folder, ".nextauth-secret"));
    expect(modeOf(secretFile())).toBe(0o600);
    expect(process.env.NEXTAUTH_SECRET).toBe(fs.readFileSync(secretFile(), "utf8"));
  });

  it("is tightened when an older start left it readable by others", () => {
    const folder = dataFolder();
    fs.mkdirSync(folder, { recursive: true });
    fs.chmodSync(folder, 0o755);
    prepareEnvironment({ port: 3000 });
    expect(modeOf(folder)).toBe(0o700);
  });
});
