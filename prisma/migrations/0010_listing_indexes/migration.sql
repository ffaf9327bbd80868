-- DropIndex
DROP INDEX "Article_status_kind_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_sectionId_status_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Article_status_kind_publishedAt_liveRevisionId_idx" ON "Article"("status", "kind", "publishedAt", "liveRevisionId");

-- CreateIndex
CREATE INDEX "Article_sectionId_status_publishedAt_liveRevisionId_idx" ON "Article"("sectionId", "status", "publishedAt", "liveRevisionId");

