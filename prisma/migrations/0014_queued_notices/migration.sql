-- CreateTable
CREATE TABLE "QueuedNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "event" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE INDEX "QueuedNotice_occurredAt_idx" ON "QueuedNotice"("occurredAt");

