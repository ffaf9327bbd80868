/**
 * Where the end-to-end server keeps its data, for playwright.config.ts (which starts the server on
 * it) and for the test process's own use of the desk's commands (newsroom-data.ts).
 */
import path from "node:path";

export const testDatabaseFile = path.resolve(".test-data", "e2e.db");
export const testMediaDir = path.resolve(".test-data", "media");
