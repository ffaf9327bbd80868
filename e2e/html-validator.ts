/**
 * The W3C Nu HTML checker (the `vnu-jar` package) over many documents in one Java process: the
 * checker takes a second or two to start, so a spec gathers every page first and checks them in
 * one batch. Java is `java` on the PATH, or `$JAVA_HOME/bin/java` (.ci/run installs Debian's
 * default-jre-headless where it is missing; vnu-jar's own Java download is not run, package.json's
 * allowScripts). Its schema needs a deeper thread stack than Java's default: the 512k its message
 * suggests still overflows on Java 17, hence 4m.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import vnuJar from "vnu-jar";

export type HtmlDocument = { name: string; html: string };
export type HtmlError = { line: number; column: number; message: string; extract: string };

/** One message of the checker's `--format json` report. */
type VnuMessage = { type: string; subType?: string; url?: string; lastLine?: number; firstColumn?: number; lastColumn?: number; message: string; extract?: string };

function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/**
 * The checker's errors for each document, by name (every name is present; no errors is `[]`).
 * Warnings (`info` messages) are not errors. A message about no document in particular (the
 * checker failing to read one) is reported against every document, so it cannot pass unnoticed.
 */
export async function nuErrors(documents: HtmlDocument[]): Promise<Record<string, HtmlError[]>> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "nu-check-"));
  try {
    const fileOf = new Map<string, string>();
    for (const [index, document] of documents.entries()) {
      const file = path.join(folder, `${index}.html`);
      await fs.writeFile(file, document.html);
      fileOf.set(document.name, file);
    }
    const { stdout } = await promisify(execFile)(
      javaCommand(),
      ["-Xss4m", "-jar", String(vnuJar), "--format", "json", "--stdout", "--exit-zero-always", ...fileOf.values()],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
    const errors: Record<string, HtmlError[]> = {};
    for (const [name, file] of fileOf) {
      errors[name] = messages
        .filter((message) => message.type !== "info" && (!message.url || fileURLPath(message.url) === file))
        .map((message) => ({
          line: message.lastLine ?? 0,
          column: message.firstColumn ?? message.lastColumn ?? 0,
          message: message.type === "error" ? message.message : `${message.type}: ${message.message}`,
          extract: (message.extract ?? "").replace(/\s+/g, " ").trim(),
        }));
    }
    return errors;
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/** The checker names a file `file:/tmp/…` (one slash), not the canonical `file:///tmp/…`. */
function fileURLPath(url: string): string {
  return decodeURIComponent(url.replace(/^file:\/*/, "/"));
}

/** One line per error, `name:line:column message [extract]`, for a test's failure message. */
export function describeNuErrors(errors: Record<string, HtmlError[]>): string[] {
  return Object.entries(errors).flatMap(([name, list]) =>
    list.map((error) => `${name}:${error.line}:${error.column} ${error.message}${error.extract ? ` [${error.extract}]` : ""}`),
  );
}
