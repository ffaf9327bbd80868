-- CreateTable
CREATE TABLE "QueuedNotice" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "QueuedNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QueuedNotice_occurredAt_idx" ON "QueuedNotice"("occurredAt");

