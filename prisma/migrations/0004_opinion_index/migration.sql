-- CreateIndex
CREATE INDEX "Article_status_kind_publishedAt_idx" ON "Article"("status", "kind", "publishedAt");

