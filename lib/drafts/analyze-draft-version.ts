import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { previousPeriod } from "@/lib/periods/period";
import { getSettings } from "@/lib/settings/app-settings";
import { analyzeText, compareTexts, guidanceDiscount, roundScore } from "./analyzer/analyze-text";
import { estimateSimilarity } from "./analyzer/minhash";
import { shingleText } from "./analyzer/shingles";
import { sharedPassages, type SharedPassage } from "./analyzer/passages";
import { proposeFlags, templateCopyReason, type DraftFlagKey } from "./analyzer/propose-flags";
import type { ChecklistItem } from "./analyzer/checklist";
import { guidanceForBranch } from "./guidance-for-branch";
import { copyThresholds, PREVIOUS_COPY_PERCENT, TEMPLATE_COPY_PERCENT } from "./settings";

/** Similar drafts kept per version, and the lowest similarity worth listing. */
const SIMILAR_KEPT = 5;
const SIMILAR_MIN = 0.15;
const CANDIDATES = 40;
const EXACT_CHECKS = 10;

/**
 * One draft found similar, with the passages the two texts share as the analyzer
 * found them at submission (offsets in both texts), so reading the draft is a plain
 * read. Entries written before passages were stored, or refreshed from the other
 * side, have none: the reader computes them then (lib/drafts/get-draft-detail.ts).
 */
export type SimilarEntry = { draftId: number; score: number; passages?: SharedPassage[] };

type Target = { draftId: number; branchId: number; branchPath: string; period: string; versionId: number; versionNo: number; body: string };

export async function analysisThresholds() {
  const [templateCopy, previousCopy] = await getSettings([TEMPLATE_COPY_PERCENT, PREVIOUS_COPY_PERCENT]);
  return copyThresholds(templateCopy, previousCopy);
}

/**
 * Runs the analyzer on a newly submitted version inside the submission's
 * transaction: grounding checklist, directive check, similarity to every
 * draft of the period in the city (MinHash + LSH buckets, then exact
 * comparison of the best candidates) and to the branch's previous period,
 * and the flags it proposes. Drafts found similar get this draft on their
 * own list too, so the queue shows the pair from either side.
 */
export async function analyzeDraftVersion(tx: Tx, target: Target): Promise<{ proposedFlags: DraftFlagKey[] }> {
  const thresholds = await analysisThresholds();
  const topics = await guidanceForBranch(tx, target.branchPath, target.period);
  const discount = guidanceDiscount(topics);
  const analysis = analyzeText(target.body, topics, discount);

  // Candidates: drafts of the period sharing at least one LSH bucket, most shared first.
  const bands = analysis.buckets.map((_, band) => band);
  const candidates = analysis.buckets.length
    ? await tx.$queryRaw<{ draftId: number; hits: number }[]>`
        SELECT l."draftId", count(*)::int AS hits
        FROM unnest(${bands}::int[], ${analysis.buckets}::int[]) AS q(band, bucket)
        CROSS JOIN LATERAL (
          SELECT b."draftId" FROM "DraftLshBucket" b
          WHERE b.period = ${target.period} AND b.band = q.band::smallint AND b.bucket = q.bucket AND b."draftId" <> ${target.draftId}
        ) l
        GROUP BY l."draftId" ORDER BY hits DESC, l."draftId" LIMIT ${CANDIDATES}`
    : [];

  let similar: SimilarEntry[] = [];
  if (candidates.length) {
    const signatures = await tx.$queryRaw<{ draftId: number; minhash: number[] }[]>`
      SELECT d.id AS "draftId", a.minhash FROM "Draft" d
      JOIN "DraftVersion" v ON v."draftId" = d.id AND v."versionNo" = d."currentVersionNo"
      JOIN "DraftAnalysis" a ON a."versionId" = v.id
      WHERE d.id = ANY(${candidates.map((c) => c.draftId)}::int[])`;
    const best = signatures
      .map((row) => ({ draftId: row.draftId, estimate: estimateSimilarity(analysis.signature, row.minhash) }))
      .filter((row) => row.estimate >= SIMILAR_MIN * 0.7)
      .sort((a, b) => b.estimate - a.estimate || a.draftId - b.draftId)
      .slice(0, EXACT_CHECKS);
    if (best.length) {
      const bodies = await currentBodies(tx, best.map((row) => row.draftId));
      similar = best
        .map((row) => {
          const other = shingleText(bodies.get(row.draftId) ?? "", discount);
          return { draftId: row.draftId, score: roundScore(compareTexts(analysis.shingled, other, false).score), other };
        })
        .filter((row) => row.score >= SIMILAR_MIN)
        .sort((a, b) => b.score - a.score || a.draftId - b.draftId)
        .slice(0, SIMILAR_KEPT)
        .map(({ draftId, score, other }) => ({ draftId, score, passages: sharedPassages(analysis.shingled, other) }));
    }
  }

  // The branch's own previous period.
  const previousDraft = await tx.draft.findUnique({ where: { branchId_period: { branchId: target.branchId, period: previousPeriod(target.period) } }, select: { id: true, currentVersionNo: true } });
  let previous: { draftId: number; versionNo: number; score: number } | null = null;
  if (previousDraft) {
    const body = (await currentBodies(tx, [previousDraft.id])).get(previousDraft.id) ?? "";
    previous = { draftId: previousDraft.id, versionNo: previousDraft.currentVersionNo, score: roundScore(compareTexts(analysis.shingled, shingleText(body, discount), false).score) };
  }

  const top = similar[0];
  const proposal = proposeFlags({
    checklist: analysis.checklist,
    genericDensity: analysis.genericDensity,
    topSimilar: top ? { score: top.score } : null,
    previous,
    directives: analysis.directives,
    thresholds,
  });

  await tx.draftAnalysis.create({
    data: {
      versionId: target.versionId,
      draftId: target.draftId,
      period: target.period,
      minhash: Array.from(analysis.signature),
      shingleCount: analysis.shingled.set.length,
      checklist: analysis.checklist as unknown as Prisma.InputJsonValue,
      similar: similar as unknown as Prisma.InputJsonValue,
      previous: previous ?? Prisma.DbNull,
      proposedFlags: proposal.flags,
      reasons: proposal.reasons as Prisma.InputJsonValue,
    },
  });
  await tx.draft.update({
    where: { id: target.draftId },
    data: { proposedFlags: proposal.flags, similarityScore: top?.score ?? null, similarDraftId: top?.draftId ?? null, previousSimilarity: previous?.score ?? null },
  });

  // This draft's buckets replace those of its earlier version.
  await tx.draftLshBucket.deleteMany({ where: { draftId: target.draftId } });
  if (analysis.buckets.length) {
    await tx.draftLshBucket.createMany({
      data: analysis.buckets.map((bucket, band) => ({ period: target.period, band, bucket, draftId: target.draftId })),
      skipDuplicates: true,
    });
  }

  await updateOtherSide(tx, target, similar, thresholds.templateCopy);
  return { proposedFlags: proposal.flags };
}

async function currentBodies(tx: Tx, draftIds: number[]): Promise<Map<number, string>> {
  if (!draftIds.length) return new Map();
  const rows = await tx.$queryRaw<{ draftId: number; body: string }[]>`
    SELECT d.id AS "draftId", v.body FROM "Draft" d
    JOIN "DraftVersion" v ON v."draftId" = d.id AND v."versionNo" = d."currentVersionNo"
    WHERE d.id = ANY(${draftIds}::int[])`;
  return new Map(rows.map((row) => [row.draftId, row.body]));
}

/**
 * Puts this draft on the similar lists of the drafts it resembles, and
 * refreshes the score of drafts that listed an earlier version of it.
 */
async function updateOtherSide(tx: Tx, target: Target, similar: SimilarEntry[], templateCopy: number): Promise<void> {
  const scores = new Map(similar.map((entry) => [entry.draftId, entry.score]));
  const listing = await tx.$queryRaw<{ draftId: number }[]>`
    SELECT a."draftId" FROM "DraftAnalysis" a
    JOIN "Draft" d ON d.id = a."draftId"
    JOIN "DraftVersion" v ON v.id = a."versionId" AND v."versionNo" = d."currentVersionNo"
    WHERE a.period = ${target.period} AND a.similar @> ${JSON.stringify([{ draftId: target.draftId }])}::jsonb
    LIMIT 50`;
  const others = [...new Set([...similar.map((entry) => entry.draftId), ...listing.map((row) => row.draftId)])];
  if (!others.length) return;
  const missing = others.filter((id) => !scores.has(id));
  if (missing.length) {
    const bodies = await currentBodies(tx, missing);
    const own = shingleText(target.body);
    for (const id of missing) scores.set(id, roundScore(compareTexts(own, shingleText(bodies.get(id) ?? ""), false).score));
  }
  const rows = await tx.$queryRaw<{ draftId: number; analysisId: number; similar: SimilarEntry[]; proposedFlags: DraftFlagKey[]; reasons: Record<string, string>; checklist: ChecklistItem[] }[]>`
    SELECT d.id AS "draftId", a.id AS "analysisId", a.similar, a."proposedFlags"::text[] AS "proposedFlags", a.reasons, a.checklist
    FROM "Draft" d
    JOIN "DraftVersion" v ON v."draftId" = d.id AND v."versionNo" = d."currentVersionNo"
    JOIN "DraftAnalysis" a ON a."versionId" = v.id
    WHERE d.id = ANY(${others}::int[])`;
  for (const row of rows) {
    const score = scores.get(row.draftId) ?? 0;
    // The entry for this draft is written without passages: its text changed, the reader computes them.
    const list = row.similar.filter((entry) => entry.draftId !== target.draftId);
    if (score >= SIMILAR_MIN) list.push({ draftId: target.draftId, score });
    list.sort((a, b) => b.score - a.score || a.draftId - b.draftId);
    const kept = list.slice(0, SIMILAR_KEPT);
    const flags = new Set(row.proposedFlags);
    const reasons = { ...row.reasons };
    if (kept[0] && kept[0].score >= templateCopy && !flags.has("TEMPLATE_COPY")) {
      flags.add("TEMPLATE_COPY");
      reasons.TEMPLATE_COPY = templateCopyReason(kept[0].score, templateCopy, row.checklist ?? []);
    }
    const proposedFlags = [...flags];
    await tx.draftAnalysis.update({ where: { id: row.analysisId }, data: { similar: kept as unknown as Prisma.InputJsonValue, proposedFlags, reasons } });
    await tx.draft.update({ where: { id: row.draftId }, data: { similarityScore: kept[0]?.score ?? null, similarDraftId: kept[0]?.draftId ?? null, proposedFlags } });
  }
}
