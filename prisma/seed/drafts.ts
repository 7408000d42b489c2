// Demo history of the drafts area: for the district demo, 24 months of draft
// resolutions of all 523 branches (most grounded; some copied from the
// template circulating in the district, some copied from the branch's
// previous month, some without responsibilities and deadlines), the month's
// guidance, reviews with passage comments and suggestions, the wards'
// acknowledgements and replies, revisions, and recent notifications. The
// current review period (the one the board reviews on the seed day) is in progress.
// At city scale only the current review period is written, for every branch
// of the city (the benchmark's data set). Rows are planned in memory, analyzed
// with the same analyzer the server runs, and written with COPY.
import crypto from "node:crypto";
import { copyRows, resetSequences, type CopyValue } from "../../lib/db/copy";
import { addMonths, periodsBetween } from "../../lib/periods/period";
import { analyzeText, compareTexts, guidanceDiscount, roundScore } from "../../lib/drafts/analyzer/analyze-text";
import { estimateSimilarity } from "../../lib/drafts/analyzer/minhash";
import { proposeFlags, DEFAULT_THRESHOLDS, type DraftFlagKey } from "../../lib/drafts/analyzer/propose-flags";
import type { GuidanceTopic } from "../../lib/drafts/analyzer/directives";
import type { ShingledText } from "../../lib/drafts/analyzer/shingles";
import { sharedPassages, type SharedPassage } from "../../lib/drafts/analyzer/passages";
import { countWords } from "../../lib/drafts/analyzer/text";
import { reviewPeriodAt, submissionDeadline } from "../../lib/drafts/deadlines";
import { hanoiInstant } from "../../lib/format/date";
import { searchTextOf } from "../../lib/drafts/search-query";
import type { DemoSeedStep } from "./index";
import type { PlannedUnit, PlannedUser } from "./plan";
import { createRandom } from "./random";
import {
  branchKindOf,
  COMMON_STREETS,
  districtTemplate,
  GUIDANCE_TOPICS,
  guidanceTopicsFor,
  LONG_BIEN_STREETS,
  vagueTaskLine,
  writeOwnDraft,
  writePreviousCopy,
  writeRevision,
  writeTemplateCopy,
  type DraftStyle,
  type TopicDef,
  type WriterContext,
} from "./draft-texts";
import { now as clockNow } from "../../lib/clock";

const DRAFTS_SEED = 2026_1203;
const DEADLINE_DAY = 25;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;


type Guidance = { id: number; orgUnitId: number; period: string; topic: TopicDef; createdByUserId: number | null; createdByName: string; createdAt: Date };
type Version = { id: number; draftId: number; versionNo: number; title: string; body: string; submittedByUserId: number | null; submittedByName: string; submittedAt: Date; style: DraftStyle };
type Review = { id: number; draftId: number; versionNo: number; decision: "APPROVED" | "CHANGES_REQUESTED"; summary: string; flags: DraftFlagKey[]; dismissedFlags: DraftFlagKey[]; reviewerUserId: number | null; reviewerName: string; createdAt: Date };
type Feedback = { id: number; reviewId: number; draftId: number; branchId: number; period: string; decision: Review["decision"]; createdAt: Date; acknowledgedAt: Date | null; acknowledgedByUserId: number | null; acknowledgedByName: string | null; reply: string | null };
type Comment = {
  id: number; draftId: number; versionNo: number; parentId: number | null; authorUserId: number | null; authorName: string; authorRole: string; body: string;
  anchor: { quote: string; start: number; end: number; prefix: string; suffix: string } | null; suggestion: string | null; suggestionStatus: string | null; suggestionDecidedAt: Date | null;
  publishedAt: Date | null; reviewId: number | null; resolvedAt: Date | null; resolvedByName: string | null; createdAt: Date;
};
type Draft = {
  id: number; branch: PlannedUnit; period: string; title: string; status: "SUBMITTED" | "CHANGES_REQUESTED" | "REVISED" | "APPROVED"; versions: Version[]; flags: DraftFlagKey[];
  proposedFlags: DraftFlagKey[]; similarityScore: number | null; similarDraftId: number | null; previousSimilarity: number | null; firstSubmittedAt: Date; lastSubmittedAt: Date; reviewedAt: Date | null;
  lastReview: Review | null; feedbackPendingSince: Date | null; feedbackAckedAt: Date | null;
};
type Analysis = { id: number; versionId: number; draftId: number; period: string; minhash: Int32Array; buckets: number[]; shingleCount: number; checklist: unknown; similar: { draftId: number; score: number; passages?: SharedPassage[] }[]; previous: { draftId: number; versionNo: number; score: number } | null; proposedFlags: DraftFlagKey[]; reasons: object; analyzedAt: Date };
type Notification = { userId: number; kind: string; title: string; body: string | null; href: string; orgUnitId: number; createdAt: Date; readAt: Date | null };

const REVIEW_SUMMARIES: Record<string, string[]> = {
  TEMPLATE_COPY: [
    "Dự thảo sao chép gần nguyên văn mẫu đang lưu hành, không phản ánh tình hình thực tế của chi bộ. Đề nghị chi bộ xây dựng lại, nêu kết quả cụ thể tháng trước và nhiệm vụ riêng của địa bàn.",
    "Nội dung trùng với dự thảo của nhiều chi bộ khác cùng kỳ. Đề nghị viết lại theo tình hình của chi bộ, có số liệu, người phụ trách và thời hạn.",
  ],
  PREVIOUS_COPY: ["Dự thảo gần như giữ nguyên nghị quyết tháng trước, chỉ đổi tháng. Đề nghị đánh giá kết quả thực hiện tháng trước và đề ra nhiệm vụ mới phù hợp."],
  NOT_GROUNDED: [
    "Phần nhiệm vụ chưa phân công người phụ trách và chưa có thời hạn hoàn thành. Đề nghị bổ sung để nghị quyết có tính khả thi.",
    "Nhiệm vụ còn chung chung, chưa rõ ai làm, làm đến đâu, khi nào xong. Đề nghị chi bộ cụ thể hóa trước khi đưa ra hội nghị.",
  ],
  GUIDANCE_MISSED: ["Dự thảo mới nhắc lại định hướng của Quận ủy, chưa cụ thể hóa thành việc của chi bộ. Đề nghị bổ sung việc làm cụ thể, người phụ trách."],
  APPROVED: [
    "Dự thảo cụ thể, sát tình hình chi bộ, có phân công và thời hạn rõ ràng. Đồng ý đưa ra hội nghị.",
    "Nội dung đầy đủ, đã cụ thể hóa định hướng tháng. Duyệt.",
    "Đạt yêu cầu. Lưu ý theo dõi, báo cáo kết quả tại hội nghị tháng sau.",
    "Đồng ý. Chi bộ chú ý bám sát các mốc thời gian đã đề ra.",
  ],
};
const WARD_REPLIES = [
  "Đảng ủy phường đã nhận, đã làm việc với đồng chí Bí thư chi bộ; chi bộ sẽ sửa và nộp lại trong tuần.",
  "Đã chuyển ý kiến cho chi bộ. Đề nghị chi bộ hoàn thiện trước ngày họp.",
  "Tiếp thu. Đảng ủy phường sẽ kiểm tra việc sửa đổi trước hội nghị chi bộ.",
  "Đã nhận. Chi bộ đề nghị lùi hạn nộp bản sửa 2 ngày do Bí thư chi bộ đi công tác.",
];
const SECRETARY_REPLIES = ["Chi bộ xin tiếp thu, sẽ bổ sung người phụ trách và thời hạn.", "Chi bộ đã trao đổi trong chi ủy, sẽ sửa theo góp ý.", "Tiếp thu ạ. Chi bộ sẽ nêu cụ thể số liệu của tổ dân phố."];

function hanoi(period: string, day: number, hour: number, minute = 0): Date {
  return hanoiInstant(`${period}-${String(day).padStart(2, "0")}`, hour, minute);
}

function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((value) => (typeof value === "number" ? String(value) : `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

function anchorIn(body: string, quote: string): Comment["anchor"] {
  const start = body.indexOf(quote);
  if (start === -1) return null;
  const end = start + quote.length;
  return { quote, start, end, prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32) };
}

export const draftsSeedStep: DemoSeedStep = {
  name: "dự thảo nghị quyết, xem xét, phản hồi",
  run: async ({ client, scale, plan, today, log }) => {
    const started = Date.now();
    const random = createRandom(DRAFTS_SEED);
    // The period the board reviews on the seed day, by the app's own rule: its drafts and deadline sit around today.
    const reviewPeriod = reviewPeriodAt(today, DEADLINE_DAY);
    // The city data set serves the benchmarks: one full period of all 16,762 branches keeps the step near a minute.
    const periods = scale === "city" ? [reviewPeriod] : periodsBetween(addMonths(reviewPeriod, -23), reviewPeriod);
    const units = new Map(plan.units.map((unit) => [unit.id, unit]));
    const branches = plan.branches();
    const usersByUnit = new Map<number, PlannedUser[]>();
    for (const user of plan.users) usersByUnit.set(user.orgUnitId, [...(usersByUnit.get(user.orgUnitId) ?? []), user]);
    const districtOf = (unit: PlannedUnit): PlannedUnit => (unit.level === "DISTRICT" ? unit : districtOf(units.get(unit.parentId!)!));
    const longBien = plan.units.find((unit) => unit.code === "LB")!;
    const inDemoDistrict = (unit: PlannedUnit) => unit.path.startsWith(longBien.path);

    // People of each branch: the secretary first, then current members.
    const people = new Map<number, string[]>();
    for (const member of plan.members) {
      if (member.status !== "ACTIVE") continue;
      const list = people.get(member.branchId) ?? [];
      if (list.length < 14) list.push(member.fullName);
      people.set(member.branchId, list);
    }
    const memberCounts = new Map<number, number>();
    for (const member of plan.members) if (member.status === "ACTIVE" || member.status === "EXEMPT") memberCounts.set(member.branchId, (memberCounts.get(member.branchId) ?? 0) + 1);
    const secretaryOf = (branch: PlannedUnit) => usersByUnit.get(branch.id)?.find((user) => user.role === "BRANCH_SECRETARY") ?? null;
    const reviewerOf = (branch: PlannedUnit) => usersByUnit.get(districtOf(branch).id)?.find((user) => user.role === "BOARD_REVIEWER") ?? null;
    const wardUsersOf = (branch: PlannedUnit) => (usersByUnit.get(branch.parentId!) ?? []).filter((user) => user.role === "WARD_COMMITTEE");

    // Each branch writes in its own way, month after month.
    const diligence = new Map(branches.map((branch) => [branch.id, createRandom(DRAFTS_SEED ^ branch.id).next()]));

    const guidance: Guidance[] = [];
    const drafts: Draft[] = [];
    const analyses: Analysis[] = [];
    const reviews: Review[] = [];
    const feedback: Feedback[] = [];
    const comments: Comment[] = [];
    const notifications: Notification[] = [];
    const ids = { guidance: 1, draft: 1, version: 1, review: 1, feedback: 1, comment: 1, analysis: 1 };
    let previousFinal = new Map<number, { draft: Draft; shingled: ShingledText }>();
    const notifySince = today.getTime() - 10 * DAY;
    const notify = (userIds: number[], n: Omit<Notification, "userId" | "readAt">) => {
      if (n.createdAt.getTime() < notifySince || n.createdAt > today) return;
      for (const userId of new Set(userIds)) {
        const age = today.getTime() - n.createdAt.getTime();
        const read = random.chance(age > 3 * DAY ? 0.95 : age > DAY ? 0.8 : 0.3);
        notifications.push({ ...n, userId, readAt: read ? new Date(n.createdAt.getTime() + random.int(1, 30) * HOUR) : null });
      }
    };

    for (const period of periods) {
      const current = period === reviewPeriod;
      const deadline = submissionDeadline(period, DEADLINE_DAY);
      const previousMonth = addMonths(period, -1);
      // Seeded before the open period's deadline, only part of the branches have sent theirs yet.
      const progress = current && today < deadline ? Math.max(0.2, 1 - (deadline.getTime() - today.getTime()) / (14 * DAY)) : 1;

      // The month's guidance: the board for each district, some wards add their own.
      const topicsByUnit = new Map<number, Guidance[]>();
      const districts = plan.units.filter((unit) => unit.level === "DISTRICT");
      for (const district of districts) {
        const board = usersByUnit.get(district.id)?.find((user) => user.role === "BOARD_REVIEWER") ?? null;
        const rows = guidanceTopicsFor(period, random).map((topic) => ({
          id: ids.guidance++, orgUnitId: district.id, period, topic, createdByUserId: board?.id ?? null, createdByName: board?.displayName ?? "Ban Tổ chức", createdAt: hanoi(previousMonth, random.int(3, 8), random.int(8, 16)),
        }));
        guidance.push(...rows);
        topicsByUnit.set(district.id, rows);
      }
      for (const ward of plan.units.filter((unit) => unit.level === "WARD")) {
        if (!random.chance(0.2)) continue;
        const taken = new Set((topicsByUnit.get(ward.parentId!) ?? []).map((row) => row.topic.key));
        const month = Number(period.slice(5));
        const options = GUIDANCE_TOPICS.filter((topic) => topic.months.includes(month) && !taken.has(topic.key));
        if (!options.length) continue;
        const committee = usersByUnit.get(ward.id)?.find((user) => user.role === "WARD_COMMITTEE") ?? null;
        const row = { id: ids.guidance++, orgUnitId: ward.id, period, topic: random.pick(options), createdByUserId: committee?.id ?? null, createdByName: committee?.displayName ?? "Đảng ủy phường", createdAt: hanoi(previousMonth, random.int(8, 12), random.int(8, 16)) };
        guidance.push(row);
        topicsByUnit.set(ward.id, [row]);
      }
      const template = new Map<number, string[]>();
      const topicCache = new Map<number, { rows: Guidance[]; topics: GuidanceTopic[]; discount: Set<number> }>();
      const topicsFor = (branch: PlannedUnit) => {
        let entry = topicCache.get(branch.parentId!);
        if (!entry) {
          const rows = [...(topicsByUnit.get(districtOf(branch).id) ?? []), ...(topicsByUnit.get(branch.parentId!) ?? [])];
          const topics = rows.map((row) => ({ id: row.id, title: row.topic.title, details: row.topic.details, keywords: row.topic.keywords }));
          entry = { rows, topics, discount: guidanceDiscount(topics) };
          topicCache.set(branch.parentId!, entry);
        }
        return entry;
      };

      const periodDrafts: Draft[] = [];
      const finals: { draft: Draft; version: Version }[] = [];
      for (const branch of branches) {
        const d = diligence.get(branch.id)!;
        const submits = current ? random.chance((0.86 + 0.1 * d) * progress) : random.chance(0.975 + 0.02 * d);
        if (!submits) continue;
        const ward = units.get(branch.parentId!)!;
        const district = districtOf(branch);
        const wardCode = ward.code.split("-")[1] ?? "";
        const ctx: WriterContext = {
          random,
          period,
          branchName: branch.name,
          kind: branchKindOf(branch.name),
          wardShort: ward.name.replace(/^(Phường|Xã|Thị trấn) /, ""),
          wardWord: /^Xã /.test(ward.name) ? "xã" : "phường",
          streets: district.code === "LB" ? LONG_BIEN_STREETS[wardCode] ?? COMMON_STREETS : [ward.name.replace(/^(Phường|Xã|Thị trấn) /, ""), ...COMMON_STREETS.slice(branch.id % 10, (branch.id % 10) + 4)],
          people: [secretaryOf(branch)?.displayName ?? people.get(branch.id)?.[0] ?? "Nguyễn Văn An", ...(people.get(branch.id) ?? ["Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"])],
          memberCount: memberCounts.get(branch.id) ?? 20,
          number: Number(period.slice(5)),
          writtenDay: random.int(10, 22),
        };
        const topics = topicsFor(branch).rows.map((row) => row.topic);
        const previous = previousFinal.get(branch.id);
        const roll = random.next();
        const style: DraftStyle =
          roll < 0.03 + 0.1 * (1 - d) ? "TEMPLATE" : previous && roll < 0.06 + 0.17 * (1 - d) ? "PREVIOUS" : roll < 0.1 + 0.32 * (1 - d) ? "VAGUE" : "GROUNDED";
        let body: string;
        let restated = false;
        if (style === "TEMPLATE") {
          if (!template.has(district.id)) template.set(district.id, districtTemplate(period, random));
          body = writeTemplateCopy(ctx, template.get(district.id)!);
        } else if (style === "PREVIOUS") {
          body = writePreviousCopy(previous!.draft.versions[previous!.draft.versions.length - 1].body, ctx);
        } else {
          restated = style === "GROUNDED" && random.chance(0.08);
          body = writeOwnDraft(ctx, topics, style === "VAGUE" ? "VAGUE" : "GROUNDED", { skipTopics: style === "GROUNDED" && random.chance(0.12) ? 1 : 0, restateTopics: restated });
        }

        // When the first version arrives.
        const onTime = random.chance(0.84 + 0.14 * d);
        let submittedAt = onTime ? hanoi(previousMonth, random.int(12, DEADLINE_DAY), random.int(7, 22), random.int(0, 59)) : new Date(deadline.getTime() + random.int(1, current ? 13 : 96) * HOUR / (current ? 2 : 1));
        if (submittedAt > today) submittedAt = new Date(today.getTime() - random.int(1, 6) * HOUR);
        const secretary = secretaryOf(branch);
        const reviewer = reviewerOf(branch);
        const wardUsers = wardUsersOf(branch);
        const draft: Draft = {
          id: ids.draft++, branch, period, title: `Nghị quyết hội nghị chi bộ tháng ${Number(period.slice(5))}/${period.slice(0, 4)}`, status: "SUBMITTED", versions: [], flags: [], proposedFlags: [],
          similarityScore: null, similarDraftId: null, previousSimilarity: null, firstSubmittedAt: submittedAt, lastSubmittedAt: submittedAt, reviewedAt: null, lastReview: null, feedbackPendingSince: null, feedbackAckedAt: null,
        };
        const addVersion = (text: string, at: Date, versionStyle: DraftStyle) => {
          const version: Version = { id: ids.version++, draftId: draft.id, versionNo: draft.versions.length + 1, title: draft.title, body: text, submittedByUserId: secretary?.id ?? null, submittedByName: secretary?.displayName ?? ctx.people[0], submittedAt: at, style: versionStyle };
          draft.versions.push(version);
          draft.lastSubmittedAt = at;
          return version;
        };
        addVersion(body, submittedAt, style);
        const demo = inDemoDistrict(branch);
        const href = `/drafts/${draft.id}`;

        // The review loop, as far as "today".
        let version = draft.versions[0];
        let at = new Date(Math.max(submittedAt.getTime(), deadline.getTime() - 5 * DAY) + random.int(6, 80) * HOUR);
        for (let round = 0; round < 3 && at <= today; round++) {
          const versionStyle = version.style;
          const wants: DraftFlagKey[] = versionStyle === "TEMPLATE" ? ["TEMPLATE_COPY", "FORMALISTIC"] : versionStyle === "PREVIOUS" ? ["PREVIOUS_COPY"] : versionStyle === "VAGUE" ? ["NOT_GROUNDED"] : restated && round === 0 ? ["GUIDANCE_MISSED"] : [];
          const sendBack = round < 2 && wants.length > 0 && random.chance(versionStyle === "GROUNDED" ? 0.6 : 0.9);
          const flags = sendBack ? wants.filter(() => random.chance(0.9)) : [];
          const review: Review = {
            id: ids.review++, draftId: draft.id, versionNo: version.versionNo, decision: sendBack ? "CHANGES_REQUESTED" : "APPROVED",
            summary: random.pick(REVIEW_SUMMARIES[sendBack ? wants[0] : "APPROVED"]), flags: sendBack && !flags.length ? [wants[0]] : flags, dismissedFlags: [],
            reviewerUserId: reviewer?.id ?? null, reviewerName: reviewer?.displayName ?? "Ban Tổ chức", createdAt: at,
          };
          reviews.push(review);
          draft.lastReview = review;
          draft.reviewedAt = at;
          draft.status = review.decision;
          draft.flags = review.flags;
          const fb: Feedback = { id: ids.feedback++, reviewId: review.id, draftId: draft.id, branchId: branch.id, period, decision: review.decision, createdAt: at, acknowledgedAt: null, acknowledgedByUserId: null, acknowledgedByName: null, reply: null };
          feedback.push(fb);
          if (demo) notify([...wardUsers.map((user) => user.id), ...(secretary ? [secretary.id] : [])], { kind: sendBack ? "draft.changes_requested" : "draft.approved", title: `Ban Tổ chức ${sendBack ? "yêu cầu chỉnh sửa" : "duyệt"} dự thảo tháng ${Number(period.slice(5))}/${period.slice(0, 4)} của ${branch.name}`, body: review.summary, href, orgUnitId: branch.id, createdAt: at });

          // The ward acknowledges (an approval quickly, a request for changes within a day or two), sometimes with a reply.
          const slack = !current && period === addMonths(reviewPeriod, -1) && sendBack && random.chance(0.06);
          const ackAt = new Date(at.getTime() + (sendBack ? random.int(2, 60) : random.int(2, 30)) * HOUR);
          // Old feedback was all acknowledged in the end; the last two periods still have some waiting.
          const settled = period < addMonths(reviewPeriod, -1);
          const acknowledged = !slack && ackAt <= today && (random.chance(sendBack ? 0.97 : 0.9) || settled);
          if (acknowledged) {
            const wardUser = wardUsers[0];
            fb.acknowledgedAt = ackAt;
            fb.acknowledgedByUserId = wardUser?.id ?? null;
            fb.acknowledgedByName = wardUser?.displayName ?? "Đảng ủy phường";
            fb.reply = sendBack && random.chance(0.55) ? random.pick(WARD_REPLIES) : null;
            draft.feedbackAckedAt = ackAt;
            if (demo && reviewer && sendBack && fb.reply) notify([reviewer.id], { kind: "feedback.reply", title: `${fb.acknowledgedByName} ${fb.reply ? "trả lời" : "đã xác nhận"} phản hồi dự thảo của ${branch.name}`, body: fb.reply, href: `${href}#phan-hoi`, orgUnitId: branch.id, createdAt: ackAt });
          }
          draft.feedbackPendingSince = sendBack && !acknowledged ? at : null;
          if (!sendBack) break;

          // Comments on passages, published with the review.
          const threads: Comment[] = [];
          const comment = (quote: string | null, text: string, suggestion: string | null) => {
            const anchor = quote ? anchorIn(version.body, quote) : null;
            const row: Comment = {
              id: ids.comment++, draftId: draft.id, versionNo: version.versionNo, parentId: null, authorUserId: reviewer?.id ?? null, authorName: reviewer?.displayName ?? "Ban Tổ chức", authorRole: "BOARD_REVIEWER", body: text,
              anchor, suggestion: anchor ? suggestion : null, suggestionStatus: anchor && suggestion ? "PENDING" : null, suggestionDecidedAt: null, publishedAt: at, reviewId: review.id, resolvedAt: null, resolvedByName: null, createdAt: new Date(at.getTime() - random.int(5, 40) * 60_000),
            };
            comments.push(row);
            threads.push(row);
            return row;
          };
          const nextText = writeRevision(version.body, versionStyle, ctx, topics);
          const lines = version.body.split("\n");
          const revisedLines = nextText.split("\n");
          if (versionStyle === "VAGUE") {
            const vague = vagueTaskLine(version.body);
            const index = vague ? lines.indexOf(`- ${vague}`) : -1;
            const proposal = index !== -1 && revisedLines[index]?.startsWith("- ") && random.chance(0.45) ? revisedLines[index].slice(2) : null;
            if (vague) comment(vague, "Đề nghị ghi rõ đồng chí phụ trách và thời hạn hoàn thành việc này.", proposal);
            const other = lines.filter((line) => line.startsWith("- ") && !/đồng chí|trước ngày|chậm nhất/.test(line) && line.slice(2) !== vague).slice(-1)[0];
            if (other && random.chance(0.6)) comment(other.slice(2), "Nhiệm vụ chưa có chỉ tiêu, người thực hiện. Chi bộ bổ sung cụ thể.", null);
          } else if (versionStyle === "TEMPLATE" || versionStyle === "PREVIOUS") {
            const first = lines.find((line, i) => i > 15 && line.startsWith("- "));
            if (first) comment(first.slice(2), versionStyle === "TEMPLATE" ? "Đoạn này trùng nguyên văn với dự thảo của nhiều chi bộ khác. Đề nghị nêu kết quả cụ thể của chi bộ trong tháng (số liệu, địa bàn)." : "Nội dung giữ nguyên như tháng trước. Đề nghị đánh giá lại theo kết quả thực tế.", null);
          } else {
            const topic = topics.find((candidate) => lines.includes(`- ${candidate.restated}`));
            if (topic) comment(topic.restated, "Mới nhắc lại định hướng của Quận ủy. Chi bộ cần nêu việc cụ thể: làm ở đâu, bao nhiêu, ai phụ trách, khi nào xong.", null);
          }
          if (random.chance(0.3) && threads[0]) {
            comments.push({ ...threads[0], id: ids.comment++, parentId: threads[0].id, authorUserId: secretary?.id ?? null, authorName: secretary?.displayName ?? ctx.people[0], authorRole: "BRANCH_SECRETARY", body: random.pick(SECRETARY_REPLIES), anchor: null, suggestion: null, suggestionStatus: null, reviewId: null, publishedAt: new Date(at.getTime() + random.int(3, 30) * HOUR), createdAt: new Date(at.getTime() + random.int(3, 30) * HOUR) });
          }

          // The branch revises.
          const reviseAt = new Date((fb.acknowledgedAt ?? at).getTime() + random.int(4, 60) * HOUR);
          if (!acknowledged || reviseAt > today) break;
          version = addVersion(nextText, reviseAt, "GROUNDED");
          draft.status = "REVISED";
          for (const thread of threads) {
            if (thread.suggestionStatus === "PENDING") {
              thread.suggestionStatus = random.chance(0.85) ? "ACCEPTED" : "REJECTED";
              thread.suggestionDecidedAt = new Date(reviseAt.getTime() - random.int(1, 3) * HOUR);
            }
            if (random.chance(0.85)) {
              thread.resolvedAt = reviseAt;
              thread.resolvedByName = secretary?.displayName ?? ctx.people[0];
            }
          }
          if (demo) notify([...(reviewer ? [reviewer.id] : []), ...wardUsers.map((user) => user.id)], { kind: "draft.revised", title: `${branch.name} đã nộp phiên bản ${version.versionNo} dự thảo tháng ${Number(period.slice(5))}/${period.slice(0, 4)}`, body: null, href, orgUnitId: branch.id, createdAt: reviseAt });
          at = new Date(reviseAt.getTime() + random.int(6, 60) * HOUR);
        }
        periodDrafts.push(draft);
        finals.push({ draft, version: draft.versions[draft.versions.length - 1] });
      }

      // The analyzer on each draft's current version: checklist, directives, similarity (MinHash + LSH, then exact), proposals.
      const analyzed = finals.map(({ draft, version }) => {
        const { topics, discount } = topicsFor(draft.branch);
        return { draft, version, result: analyzeText(version.body, topics, discount), discount };
      });
      const buckets = new Map<string, number[]>();
      analyzed.forEach((entry, index) => entry.result.buckets.forEach((bucket, band) => {
        const key = `${band}:${bucket}`;
        const list = buckets.get(key);
        if (list) list.push(index);
        else buckets.set(key, [index]);
      }));
      const nextFinal = new Map<number, { draft: Draft; shingled: ShingledText }>();
      analyzed.forEach((entry, index) => {
        const hits = new Map<number, number>();
        entry.result.buckets.forEach((bucket, band) => {
          for (const other of buckets.get(`${band}:${bucket}`) ?? []) if (other !== index) hits.set(other, (hits.get(other) ?? 0) + 1);
        });
        const similar = [...hits.entries()]
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .slice(0, 40)
          .map(([other]) => ({ other, estimate: estimateSimilarity(entry.result.signature, analyzed[other].result.signature) }))
          .filter((row) => row.estimate >= 0.1)
          .sort((a, b) => b.estimate - a.estimate)
          .slice(0, 10)
          .map((row) => ({ draftId: analyzed[row.other].draft.id, score: roundScore(compareTexts(entry.result.shingled, analyzed[row.other].result.shingled, false).score), other: row.other }))
          .filter((row) => row.score >= 0.15)
          .sort((a, b) => b.score - a.score || a.draftId - b.draftId)
          .slice(0, 5)
          // The shared passages are stored with the analysis, as a submission does, for the periods
          // people open (the review period and the one before); older ones are computed when read,
          // which keeps the 24 months of the demo quick to seed.
          .map(({ draftId, score, other }) => (period >= addMonths(reviewPeriod, -1) ? { draftId, score, passages: sharedPassages(entry.result.shingled, analyzed[other].result.shingled) } : { draftId, score }));
        const before = previousFinal.get(entry.draft.branch.id);
        const previous = before ? { draftId: before.draft.id, versionNo: before.draft.versions.length, score: roundScore(compareTexts(entry.result.shingled, before.shingled, false).score) } : null;
        const proposal = proposeFlags({ checklist: entry.result.checklist, genericDensity: entry.result.genericDensity, topSimilar: similar[0] ?? null, previous, directives: entry.result.directives, thresholds: DEFAULT_THRESHOLDS });
        const draft = entry.draft;
        draft.proposedFlags = proposal.flags;
        draft.similarityScore = similar[0]?.score ?? null;
        draft.similarDraftId = similar[0]?.draftId ?? null;
        draft.previousSimilarity = previous?.score ?? null;
        // A reviewer who decided on this version saw the proposals: those not taken were dismissed.
        if (draft.lastReview && draft.lastReview.versionNo === entry.version.versionNo) draft.lastReview.dismissedFlags = proposal.flags.filter((flag) => !draft.lastReview!.flags.includes(flag));
        analyses.push({
          id: ids.analysis++, versionId: entry.version.id, draftId: draft.id, period, minhash: entry.result.signature, buckets: entry.result.buckets, shingleCount: entry.result.shingled.set.length, checklist: entry.result.checklist,
          similar, previous, proposedFlags: proposal.flags, reasons: proposal.reasons, analyzedAt: new Date(entry.version.submittedAt.getTime() + 2_000),
        });
        nextFinal.set(draft.branch.id, { draft, shingled: entry.result.shingled });
      });
      previousFinal = nextFinal;
      drafts.push(...periodDrafts);
      log(`Dự thảo ${period}: ${periodDrafts.length.toLocaleString("vi-VN")} chi bộ đã nộp (${((Date.now() - started) / 1000).toFixed(1)} giây)`);
    }

    // ---- write ----
    const now = clockNow();
    const timings: string[] = [];
    let mark = Date.now();
    const lap = (label: string) => {
      timings.push(`${label} ${((Date.now() - mark) / 1000).toFixed(1)}`);
      mark = Date.now();
    };
    const openThreads = new Map<number, number>();
    for (const comment of comments) if (!comment.parentId && comment.publishedAt && !comment.resolvedAt) openThreads.set(comment.draftId, (openThreads.get(comment.draftId) ?? 0) + 1);
    await copyRows(client, "Guidance", ["id", "orgUnitId", "period", "title", "details", "keywords", "createdByUserId", "createdByName", "createdAt"],
      guidance.map((row) => [row.id, row.orgUnitId, row.period, row.topic.title, row.topic.details, pgArray(row.topic.keywords), row.createdByUserId, row.createdByName, row.createdAt]));
    lap("guidance");
    await copyRows(client, "Draft", ["id", "branchId", "period", "title", "status", "currentVersionNo", "flags", "proposedFlags", "similarityScore", "similarDraftId", "previousSimilarity", "openComments", "feedbackPendingSince", "feedbackAckedAt", "firstSubmittedAt", "lastSubmittedAt", "reviewedAt", "searchText", "createdAt", "updatedAt"],
      drafts.map((d): CopyValue[] => [d.id, d.branch.id, d.period, d.title, d.status, d.versions.length, pgArray(d.flags), pgArray(d.proposedFlags), d.similarityScore, d.similarDraftId, d.previousSimilarity, openThreads.get(d.id) ?? 0, d.feedbackPendingSince, d.feedbackAckedAt, d.firstSubmittedAt, d.lastSubmittedAt, d.reviewedAt, searchTextOf(d.title, d.versions[d.versions.length - 1].body), d.firstSubmittedAt, now]));
    lap("draft");
    const versions = drafts.flatMap((d) => d.versions);
    for (let start = 0; start < versions.length; start += 5_000) {
      await copyRows(client, "DraftVersion", ["id", "draftId", "versionNo", "title", "body", "contentHash", "wordCount", "submittedByUserId", "submittedByName", "submittedAt"],
        versions.slice(start, start + 5_000).map((v) => [v.id, v.draftId, v.versionNo, v.title, v.body, sha256(v.body), countWords(v.body), v.submittedByUserId, v.submittedByName, v.submittedAt]));
    }
    lap("version");
    const analysisByDraft = new Map(analyses.map((a) => [a.draftId, a]));
    // New versions can only arrive for recent periods: older periods need no buckets nor signatures.
    const openPeriods = new Set([addMonths(reviewPeriod, -2), addMonths(reviewPeriod, -1), reviewPeriod]);
    await copyRows(client, "DraftAnalysis", ["id", "versionId", "draftId", "period", "minhash", "shingleCount", "checklist", "similar", "previous", "proposedFlags", "reasons", "analyzedAt"],
      analyses.map((a) => [a.id, a.versionId, a.draftId, a.period, openPeriods.has(a.period) ? pgArray(Array.from(a.minhash)) : "{}", a.shingleCount, JSON.stringify(a.checklist), JSON.stringify(a.similar), a.previous ? JSON.stringify(a.previous) : null, pgArray(a.proposedFlags), JSON.stringify(a.reasons), a.analyzedAt]));
    lap("analysis");
    await copyRows(client, "DraftLshBucket", ["period", "band", "bucket", "draftId"],
      (function* () {
        for (const d of drafts) {
          const analysis = analysisByDraft.get(d.id);
          if (!analysis || !analysis.shingleCount || !openPeriods.has(d.period)) continue;
          for (const [band, bucket] of analysis.buckets.entries()) yield [d.period, band, bucket, d.id];
        }
      })());
    lap("lsh");
    await copyRows(client, "DraftReview", ["id", "draftId", "versionNo", "decision", "summary", "flags", "dismissedFlags", "reviewerUserId", "reviewerName", "createdAt"],
      reviews.map((r) => [r.id, r.draftId, r.versionNo, r.decision, r.summary, pgArray(r.flags), pgArray(r.dismissedFlags), r.reviewerUserId, r.reviewerName, r.createdAt]));
    lap("review");
    await copyRows(client, "Feedback", ["id", "reviewId", "draftId", "branchId", "period", "decision", "createdAt", "acknowledgedAt", "acknowledgedByUserId", "acknowledgedByName", "reply"],
      feedback.map((f) => [f.id, f.reviewId, f.draftId, f.branchId, f.period, f.decision, f.createdAt, f.acknowledgedAt, f.acknowledgedByUserId, f.acknowledgedByName, f.reply]));
    lap("feedback");
    await copyRows(client, "DraftComment", ["id", "draftId", "versionNo", "parentId", "authorUserId", "authorName", "authorRole", "body", "anchorQuote", "anchorStart", "anchorEnd", "anchorPrefix", "anchorSuffix", "suggestion", "suggestionStatus", "suggestionDecidedAt", "publishedAt", "reviewId", "resolvedAt", "resolvedByName", "createdAt"],
      comments.map((c) => [c.id, c.draftId, c.versionNo, c.parentId, c.authorUserId, c.authorName, c.authorRole, c.body, c.anchor?.quote ?? null, c.anchor?.start ?? null, c.anchor?.end ?? null, c.anchor?.prefix ?? null, c.anchor?.suffix ?? null, c.suggestion, c.suggestionStatus, c.suggestionDecidedAt, c.publishedAt, c.reviewId, c.resolvedAt, c.resolvedByName, c.createdAt]));
    lap("comment");
    notifications.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await copyRows(client, "Notification", ["userId", "kind", "title", "body", "href", "orgUnitId", "createdAt", "readAt"],
      notifications.map((n) => [n.userId, n.kind, n.title, n.body, n.href, n.orgUnitId, n.createdAt, n.readAt]));
    lap("notification");
    // Fresh statistics, so that the first queries after a bulk load use the indexes.
    await client.query(`ANALYZE "Draft", "DraftVersion", "DraftAnalysis", "DraftLshBucket", "DraftReview", "Feedback", "DraftComment", "Guidance", "Notification"`);
    await resetSequences(client, ["Guidance", "Draft", "DraftVersion", "DraftAnalysis", "DraftReview", "Feedback", "DraftComment", "Notification"]);
    log(
      `Dự thảo: ${drafts.length.toLocaleString("vi-VN")} dự thảo, ${versions.length.toLocaleString("vi-VN")} phiên bản, ${reviews.length.toLocaleString("vi-VN")} lượt xem xét, ` +
        `${comments.length.toLocaleString("vi-VN")} góp ý, ${notifications.length.toLocaleString("vi-VN")} thông báo (${((Date.now() - started) / 1000).toFixed(1)} giây; ghi: ${timings.join(", ")})`,
    );
  },
};
