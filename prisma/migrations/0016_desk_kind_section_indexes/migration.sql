-- CreateIndex
CREATE INDEX "Article_kind_publishedAt_id_status_idx" ON "Article"("kind", "publishedAt", "id", "status");

-- CreateIndex
CREATE INDEX "Article_sectionId_publishedAt_id_status_idx" ON "Article"("sectionId", "publishedAt", "id", "status");

