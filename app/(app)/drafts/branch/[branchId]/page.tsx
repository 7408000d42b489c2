import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { listBranchDrafts } from "@/lib/drafts/branch-drafts";
import { defaultReviewPeriod } from "@/lib/drafts/list-review-queue";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { BranchDrafts } from "@/components/drafts/branch-drafts";

type Props = { params: Promise<{ branchId: string }> };

export const metadata = { title: "Dự thảo nghị quyết" };

/** One branch's drafts by period: the secretary's own list (/drafts leads here), and any branch in a reviewer's scope. */
export default async function BranchDraftsPage({ params }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  const { branchId } = await params;
  const [{ branch, drafts }, period] = await Promise.all([listBranchDrafts(actor, /^\d{1,10}$/.test(branchId) ? Number(branchId) : -1), defaultReviewPeriod()]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Only the branch's own secretary writes its draft; above the branch, the way back is the queue.
  const own = actor.orgUnitId === branch.id;
  return <BranchDrafts branch={branch} drafts={drafts} period={period} canWrite={own && can(actor.role, "draft.submit")} breadcrumb={own ? undefined : [{ label: "Dự thảo nghị quyết", href: "/drafts" }, { label: branch.name }]} />;
}
