-- CreateIndex
CREATE INDEX "Article_authorId_publishedAt_id_status_idx" ON "Article"("authorId", "publishedAt", "id", "status");

-- CreateIndex
CREATE INDEX "Article_authorId_updatedAt_id_idx" ON "Article"("authorId", "updatedAt", "id");

