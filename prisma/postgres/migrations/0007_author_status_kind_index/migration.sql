-- DropIndex
DROP INDEX "Article_authorId_status_idx";

-- CreateIndex
CREATE INDEX "Article_authorId_status_kind_idx" ON "Article"("authorId", "status", "kind");

