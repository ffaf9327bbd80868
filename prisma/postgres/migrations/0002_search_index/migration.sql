-- Full-text search over what readers see, PostgreSQL's way. Written by hand, as SQLite's FTS5 index
-- is (prisma/migrations/0006_search_index): the Prisma schema does not change.
--
-- "ArticleSearchText" holds one row per live article, kept in step by lib/articles/search-index.ts
-- in the transaction that changes its live revision. Its "document" is computed by PostgreSQL from
-- the headline (weight A), the standfirst (B) and the body (C), in the "newsdesk" configuration:
-- English stemming with accents folded (unaccent, a trusted extension), like SQLite's porter
-- tokenizer with remove_diacritics. A GIN index answers the matches.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION newsdesk (COPY = english);
ALTER TEXT SEARCH CONFIGURATION newsdesk
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE "ArticleSearchText" (
    "id" INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('newsdesk', "headline"), 'A') ||
        setweight(to_tsvector('newsdesk', "standfirst"), 'B') ||
        setweight(to_tsvector('newsdesk', "body"), 'C')
    ) STORED,
    CONSTRAINT "ArticleSearchText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "ArticleSearchText_articleId_key" ON "ArticleSearchText" ("articleId");
CREATE INDEX "ArticleSearchText_document_idx" ON "ArticleSearchText" USING GIN ("document");
