-- Full-text search over what readers see. Written by hand: the Prisma schema does not change, and
-- FTS5 is SQLite's (docs/decisions/010-search-with-fts5.md says what PostgreSQL will need).
--
-- "ArticleSearchText" holds one row per live article: its live revision's headline, standfirst and
-- body as plain text. lib/articles/search-index.ts keeps it in step whenever an article's live
-- revision changes or it leaves publication; the triggers keep the FTS5 index in step with it.
-- The server fills it for articles published before this migration when it starts.
CREATE TABLE "ArticleSearchText" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    CONSTRAINT "ArticleSearchText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "ArticleSearchText_articleId_key" ON "ArticleSearchText"("articleId");

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline", "standfirst", "body",
    content='ArticleSearchText', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "ArticleSearchText_ai" AFTER INSERT ON "ArticleSearchText" BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "headline", "standfirst", "body") VALUES (new."id", new."headline", new."standfirst", new."body");
END;

CREATE TRIGGER "ArticleSearchText_ad" AFTER DELETE ON "ArticleSearchText" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "headline", "standfirst", "body") VALUES ('delete', old."id", old."headline", old."standfirst", old."body");
END;

CREATE TRIGGER "ArticleSearchText_au" AFTER UPDATE ON "ArticleSearchText" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "headline", "standfirst", "body") VALUES ('delete', old."id", old."headline", old."standfirst", old."body");
    INSERT INTO "ArticleSearch" ("rowid", "headline", "standfirst", "body") VALUES (new."id", new."headline", new."standfirst", new."body");
END;
