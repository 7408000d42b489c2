import { Suspense } from "react";
import { notFound, redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { resolveReviewQueueFilter } from "@/lib/drafts/list-review-queue";
import { submissionDeadline } from "@/lib/drafts/deadlines";
import { SUBMISSION_DEADLINE_DAY } from "@/lib/drafts/settings";
import { getSetting } from "@/lib/settings/app-settings";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { CardSkeleton, StatsSkeleton } from "@/components/ui/skeleton";
import { ReviewQueue, ReviewQueueHeader } from "@/components/drafts/review-queue";

export const metadata = { title: "Dự thảo nghị quyết" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function DraftsPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  // A branch secretary's list has its own page; old links to /drafts still land there.
  if (actor.scopeLevel === "BRANCH") redirect(`/drafts/branch/${actor.orgUnitId}`);
  const params = await searchParams;
  // Decided before anything is sent: a unit out of scope is a 404, a bad filter explains itself
  // above the default queue. The rows and the counts then stream in.
  const attempt = await resolveReviewQueueFilter(actor, params).then(
    (resolved) => ({ resolved, invalid: null }),
    (error) => {
      if (error instanceof NotFoundError) notFound();
      if (!(error instanceof ValidationError)) throw error;
      return { resolved: null, invalid: error.details.map((detail) => detail.message).join(" ") || error.message };
    },
  );
  const invalid = attempt.invalid;
  const resolved = attempt.resolved ?? (await resolveReviewQueueFilter(actor, {}));
  const { period, filter, unit } = resolved;
  const deadline = submissionDeadline(period, await getSetting(SUBMISSION_DEADLINE_DAY));
  return (
    <>
      <ReviewQueueHeader unit={unit} period={period} deadline={deadline} orgUnitId={filter.orgUnitId} />
      {invalid ? <div className="alert alert-error" role="alert">Bộ lọc không hợp lệ: {invalid} Đang hiển thị mặc định.</div> : null}
      <Suspense
        fallback={
          <>
            <StatsSkeleton />
            <CardSkeleton title="Hàng đợi dự thảo" lines={8} />
          </>
        }
      >
        <ReviewQueue actor={actor} resolved={resolved} />
      </Suspense>
    </>
  );
}
