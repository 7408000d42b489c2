-- What the drafts review summary counts, so that a city's totals are read from the index alone.
CREATE INDEX "Draft_summary_idx" ON "Draft"("period", "branchId", "status", "firstSubmittedAt", "feedbackPendingSince", "openComments", "flags", "proposedFlags");
