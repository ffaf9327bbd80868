import { expect, test } from "./fixtures";
import { HtmlValidate } from "html-validate";

/**
 * Every kind of reader's page is valid HTML by the standard (html-validate's "standard" preset:
 * the HTML specification's content models, attributes and nesting; not a style guide).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: {
    // React writes boolean attributes as `attr=""`; the specification allows both spellings.
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
  },
});

async function problemsIn(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`));
}

test("every kind of reader's page is valid HTML", async ({ request }) => {
  // A demo story with a writer and topics (other journeys add stories without them).
  const articlePath = "/city/harbour-authority-halts-night-dredging-after-residents-report-cracked-walls";
  const article = await (await request.get(articlePath)).text();
  const authorPath = /href="(\/authors\/[a-z0-9-]+)"/.exec(article)?.[1];
  const tagPath = /href="(\/tags\/[a-z0-9-]+)"/.exec(article)?.[1];
  expect(authorPath, "the story links to its writer").toBeTruthy();
  expect(tagPath, "the story links to a topic").toBeTruthy();

  const pages = ["/", articlePath, "/city", "/opinion", "/opinion?kind=editorial", authorPath!, tagPath!, "/search?q=harbour", "/corrections"];
  for (const path of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await problemsIn(await response.text()), path).toEqual([]);
  }
  // Every way of not finding a page: an article, a section, a page past the last, a topic, a writer.
  const notFound = ["/city/no-such-story", "/no-such-section", "/city?page=999", "/tags/no-such-topic", "/authors/no-such-writer", "/search?q=harbour&page=99"];
  for (const path of notFound) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await problemsIn(await response.text()), path).toEqual([]);
  }
});
