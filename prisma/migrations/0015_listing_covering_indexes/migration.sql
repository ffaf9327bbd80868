-- DropIndex
DROP INDEX "RevisionAuthor_userId_idx";

-- DropIndex
DROP INDEX "RevisionTag_tagId_idx";

-- CreateIndex
CREATE INDEX "RevisionAuthor_userId_revisionId_idx" ON "RevisionAuthor"("userId", "revisionId");

-- CreateIndex
CREATE INDEX "RevisionTag_tagId_revisionId_idx" ON "RevisionTag"("tagId", "revisionId");

