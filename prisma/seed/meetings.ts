// Demo history of monthly meetings and attendance (docs/meetings.md).
// District: 24 months of every branch's meetings with per-member attendance,
// documents and minutes. City: 12 months of meetings (with their counts) but
// attendance rows only for the last 3 months, so the step stays bounded.
// Patterns the board should be able to find: a few chronically missing
// branches, dips around Tết, members with repeated unexcused absences, a
// few "perfect" branches and other data-quality problems. Deterministic.
import { copyRows, resetSequences, type CopyValue } from "../../lib/db/copy";
import { addMonths, type Period } from "../../lib/periods/period";
import { lunarNewYear } from "../../lib/periods/tet";
import { createRandom, type Random, hashedFraction } from "./random";
import { pgRunner } from "../../lib/stats/sql-runner";
import { monthsToRollUp, refreshMeetingStats } from "../../lib/meetings/refresh-meeting-stats";
import { QUALITY_DOCUMENTS_DAYS_BEFORE, QUALITY_MIN_ATTENDANCE_PERCENT, QUALITY_MIN_MINUTES, QUALITY_MIN_MINUTES_COMBINED, SCHEDULE_DAYS_AHEAD } from "../../lib/meetings/settings";
import type { DemoSeedStep, SeedContext } from "./index";
import type { PlannedMember, PlannedUnit } from "./plan";

const MEETINGS_SEED = 2026_0404;

type Status = "PRESENT" | "EXCUSED" | "UNEXCUSED";

type BranchProfile = {
  branch: PlannedUnit;
  residential: boolean;
  /** Chance of skipping a month. */
  missRate: number;
  presentRate: number;
  /** Reports everyone present every month (a data-quality alert). */
  perfect: boolean;
  /** Forgets minutes and documents more often. */
  sloppy: boolean;
  /** First period the branch uses the handbook app in meetings (null: never). */
  handbookFrom: Period | null;
  thematicRate: number;
  members: MemberFacts[];
};

type MemberFacts = { id: number; status: string; joined: string; left: string | null; chronic: boolean };

type PlannedMeeting = {
  id: number;
  profile: BranchProfile;
  period: Period;
  kind: "REGULAR" | "THEMATIC";
  heldOn: string;
  seed: number;
  withRows: boolean;
  /** A member who had left, wrongly marked present (a data-quality alert). */
  formerMemberId: number | null;
  counts: { expected: number; present: number; excused: number; unexcused: number; exempt: number };
  /** The regular meeting held together with the quarter's thematic one. */
  combined?: boolean;
};

/** How a meeting was conducted and announced: from the meeting's own hash, so the rest of the demo is unchanged. */
type Conduct = {
  startTime: string;
  endTime: string;
  place: string;
  committeePrepared: boolean;
  committeePreparedOn: string | null;
  /** Day the schedule was announced; null when it never was. */
  announcedOn: string | null;
};

const START_TIMES = ["07:30", "08:00", "14:00", "19:30"];

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Most meetings last 90–120 minutes (combined ones 120–150), about one in
 * eight is short; the chi ủy prepares most; nearly all schedules go out a week
 * or more ahead (around the 20th of the month before), some late, a few never.
 */
function conductOf(meeting: Pick<PlannedMeeting, "seed" | "heldOn" | "combined" | "profile">): Conduct {
  const roll = (salt: number) => hashRandom(meeting.seed, salt);
  const sloppy = meeting.profile.sloppy ? 2 : 1;
  const start = START_TIMES[Math.floor(roll(21) * START_TIMES.length)];
  const [h, m] = start.split(":").map(Number);
  const short = roll(22) < 0.12 * sloppy;
  const base = meeting.combined ? 120 : 90;
  const length = short ? base - 10 - Math.floor(roll(23) * 7) * 5 : base + Math.floor(roll(23) * 7) * 5;
  const prepared = roll(24) >= 0.08 * sloppy;
  const announce = roll(25);
  const announcedOn = announce < 0.06 * sloppy ? null : announce < 0.18 * sloppy ? addDays(meeting.heldOn, -(1 + Math.floor(roll(26) * 6))) : addDays(meeting.heldOn, -(7 + Math.floor(roll(26) * 12)));
  return {
    startTime: start,
    endTime: clock(Math.min(h * 60 + m + length, 23 * 60 + 59)),
    place: meeting.profile.residential ? "Nhà văn hóa tổ dân phố" : "Phòng họp cơ quan",
    committeePrepared: prepared,
    committeePreparedOn: prepared ? addDays(meeting.heldOn, -(2 + Math.floor(roll(27) * 5))) : null,
    announcedOn,
  };
}

const EXCUSE_REASONS = ["Ốm", "Đi công tác", "Việc gia đình", "Nằm viện", "Con ốm", "Trực cơ quan", "Về quê có việc", "Đi học tập trung", "Chăm người nhà ốm"];
const THEMES = [
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Nâng cao chất lượng sinh hoạt chi bộ",
  "Phòng, chống suy thoái tư tưởng chính trị",
  "Chuyển đổi số trong công tác đảng",
  "Xây dựng tổ dân phố văn minh, sạch đẹp",
  "Vai trò nêu gương của đảng viên nơi cư trú",
];
const TASKS = [
  "vận động thu quỹ vì người nghèo",
  "tổng vệ sinh môi trường khu dân cư",
  "rà soát hộ cận nghèo",
  "tuyên truyền phòng cháy chữa cháy",
  "chuẩn bị đại hội chi bộ",
  "phát triển đảng viên mới",
  "cài đặt và sử dụng Sổ tay đảng viên điện tử",
  "giải quyết kiến nghị của nhân dân về trật tự đô thị",
];

const hashRandom = (...values: number[]) => hashedFraction(MEETINGS_SEED, ...values);

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

function lastDay(period: Period): number {
  const [y, m] = period.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const tetFactors = new Map<Period, number>();

/**
 * How much of the Tết season (two weeks before the lunar new year to two weeks
 * after, computed for the year) falls in the month, the fullest month 1:
 * meetings slip and attendance dips around Tết, whichever year the demo covers.
 */
export function tetFactor(period: Period): number {
  const cached = tetFactors.get(period);
  if (cached !== undefined) return cached;
  const tet = lunarNewYear(Number(period.slice(0, 4)));
  const season = { from: addDays(tet, -14), to: addDays(tet, 15) };
  const daysIn = (month: Period) => {
    const from = season.from > `${month}-01` ? season.from : `${month}-01`;
    const last = `${month}-${String(lastDay(month)).padStart(2, "0")}`;
    const to = season.to < last ? season.to : last;
    return to < from ? 0 : Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  };
  const months = [season.from.slice(0, 7), season.to.slice(0, 7)];
  const fullest = Math.max(...months.map(daysIn));
  const factor = daysIn(period) / fullest;
  tetFactors.set(period, factor);
  return factor;
}

function profileOf(branch: PlannedUnit, members: MemberFacts[], random: Random, currentPeriod: Period): BranchProfile {
  const residential = branch.name.includes("Tổ dân phố") || branch.name.includes("Thôn") || branch.name.includes("Khu dân cư");
  const chronicMissing = random.chance(0.02);
  const perfect = !chronicMissing && random.chance(0.025);
  const adoption = random.next();
  const handbookFrom = adoption < (residential ? 0.22 : 0.08) ? null : addMonths(currentPeriod, Math.floor(random.next() * random.next() * 28) - 29);
  return {
    branch,
    residential,
    missRate: chronicMissing ? 0.35 + random.next() * 0.25 : random.chance(0.1) ? 0.06 : 0.012,
    presentRate: residential ? 0.88 + random.next() * 0.07 : 0.93 + random.next() * 0.05,
    perfect,
    sloppy: random.chance(0.06),
    handbookFrom,
    thematicRate: residential ? 0.35 : 0.6,
    members,
  };
}

function belongs(member: MemberFacts, date: string): boolean {
  return member.joined <= date && (member.left === null || member.left > date);
}

/** Attendance of one meeting, from its own seed: the same statuses every time it is asked. */
function* attendanceOf(meeting: PlannedMeeting): Generator<[number, Status, string | null]> {
  const { profile, heldOn, seed } = meeting;
  const dip = tetFactor(meeting.period) * 0.08;
  for (const member of profile.members) {
    if (member.status === "EXEMPT" || !belongs(member, heldOn)) continue;
    if (profile.perfect) {
      yield [member.id, "PRESENT", null];
      continue;
    }
    const roll = hashRandom(seed, member.id);
    const absent = member.chronic ? 0.5 : 1 - profile.presentRate + dip;
    if (roll >= absent) {
      yield [member.id, "PRESENT", null];
      continue;
    }
    const unexcusedShare = member.chronic ? 0.7 : 0.22;
    const second = hashRandom(seed, member.id, 7);
    if (second < unexcusedShare) yield [member.id, "UNEXCUSED", null];
    else yield [member.id, "EXCUSED", EXCUSE_REASONS[Math.floor(hashRandom(seed, member.id, 11) * EXCUSE_REASONS.length)]];
  }
  if (meeting.formerMemberId !== null) yield [meeting.formerMemberId, "PRESENT", null];
}

function countsOf(meeting: PlannedMeeting) {
  const counts = { expected: 0, present: 0, excused: 0, unexcused: 0, exempt: 0 };
  for (const [, status] of attendanceOf(meeting)) {
    counts.expected++;
    if (status === "PRESENT") counts.present++;
    else if (status === "EXCUSED") counts.excused++;
    else counts.unexcused++;
  }
  counts.exempt = meeting.profile.members.filter((member) => member.status === "EXEMPT" && belongs(member, meeting.heldOn)).length;
  return counts;
}

function minutesText(meeting: PlannedMeeting, random: Random): string {
  const { counts } = meeting;
  const [, month] = meeting.period.split("-").map(Number);
  const task = random.pick(TASKS);
  const opening =
    meeting.kind === "THEMATIC"
      ? `Chi bộ sinh hoạt chuyên đề "${random.pick(THEMES)}".`
      : `Chi bộ sinh hoạt thường kỳ tháng ${month}: đánh giá kết quả tháng trước, triển khai nhiệm vụ tháng tới.`;
  return (
    `${opening} Có mặt ${counts.present}/${counts.expected} đảng viên phải dự` +
    (counts.excused ? `, ${counts.excused} vắng có lý do` : "") +
    (counts.unexcused ? `, ${counts.unexcused} vắng không lý do` : "") +
    `. Chi bộ thống nhất ${task}; giao đồng chí tổ trưởng tổ đảng phụ trách, hoàn thành trước ngày ${random.int(10, 28)} tháng ${(month % 12) + 1}.`
  );
}

function documentsOf(meeting: PlannedMeeting, random: Random): [string, string][] {
  const [, month] = meeting.period.split("-").map(Number);
  const late = meeting.profile.sloppy ? random.chance(0.2) : random.chance(0.012);
  if (meeting.profile.sloppy ? random.chance(0.15) : random.chance(0.015)) return [];
  const sent = (days: number) => (late ? addDays(meeting.heldOn, random.int(0, 2)) : addDays(meeting.heldOn, -days));
  const docs: [string, string][] = [[`Dự thảo nghị quyết chi bộ tháng ${month}`, sent(random.int(3, 7))]];
  if (meeting.kind === "THEMATIC") docs.push([`Tài liệu sinh hoạt chuyên đề: ${random.pick(THEMES)}`, sent(random.int(5, 10))]);
  if (random.chance(0.5)) docs.push([`Thông báo của Đảng ủy phường về nhiệm vụ tháng ${month}`, sent(random.int(2, 6))]);
  return docs;
}

async function seedMeetings({ client, scale, plan, today, log }: SeedContext): Promise<void> {
  const started = Date.now();
  const todayIso = iso(today);
  const currentPeriod = todayIso.slice(0, 7);
  const months = scale === "city" ? 12 : 24;
  const rowMonths = scale === "city" ? 3 : 24;
  const periods = Array.from({ length: months }, (_, i) => addMonths(currentPeriod, i - months + 1));
  const firstRowPeriod = periods[periods.length - rowMonths];
  const random = createRandom(MEETINGS_SEED);

  const membersByBranch = new Map<number, MemberFacts[]>();
  for (const member of plan.members as PlannedMember[]) {
    const facts: MemberFacts = {
      id: member.id,
      status: member.status,
      joined: iso(member.joinedBranchOn),
      left: member.leftBranchOn ? iso(member.leftBranchOn) : null,
      chronic: member.status === "ACTIVE" && hashRandom(member.id, 3) < 0.007,
    };
    const list = membersByBranch.get(member.branchId);
    if (list) list.push(facts);
    else membersByBranch.set(member.branchId, [facts]);
  }

  const meetings: PlannedMeeting[] = [];
  for (const branch of plan.branches()) {
    const profile = profileOf(branch, membersByBranch.get(branch.id) ?? [], random, currentPeriod);
    if (!profile.members.some((member) => member.status === "ACTIVE")) continue;
    for (const period of periods) {
      const tet = tetFactor(period);
      if (random.chance(profile.missRate + tet * 0.09)) continue;
      const days = lastDay(period);
      const early = profile.residential ? 8 : 3;
      let day = Math.min(days, early + Math.floor(random.next() * (profile.residential ? 18 : 14)) + Math.round(tet * random.int(0, 6)));
      let heldOn = `${period}-${String(day).padStart(2, "0")}`;
      // Now and then a meeting slips into the first days of the next month (a data-quality alert).
      if (period < addMonths(currentPeriod, -1) && random.chance(profile.sloppy ? 0.05 : 0.004)) heldOn = addDays(`${period}-${String(days).padStart(2, "0")}`, random.int(1, 4));
      if (heldOn > todayIso) continue; // not held yet this month
      const formerCandidates = profile.members.filter((member) => member.left !== null && member.left <= heldOn && addDays(member.left, 120) > heldOn);
      const formerMemberId = formerCandidates.length && random.chance(0.08) ? formerCandidates[0].id : null;
      const regular: PlannedMeeting = { id: 0, profile, period, kind: "REGULAR", heldOn, seed: branch.id * 1000 + periods.indexOf(period) * 2, withRows: period >= firstRowPeriod, formerMemberId, counts: { expected: 0, present: 0, excused: 0, unexcused: 0, exempt: 0 } };
      meetings.push(regular);
      const [, month] = period.split("-").map(Number);
      if (month % 3 === 0 && random.chance(profile.thematicRate)) {
        day = Math.min(days, day + random.int(2, 8));
        const thematicOn = `${period}-${String(day).padStart(2, "0")}`;
        if (thematicOn <= todayIso) {
          meetings.push({ id: 0, profile, period, kind: "THEMATIC", heldOn: thematicOn, seed: branch.id * 1000 + periods.indexOf(period) * 2 + 1, withRows: period >= firstRowPeriod, formerMemberId: null, counts: { expected: 0, present: 0, excused: 0, unexcused: 0, exempt: 0 } });
        }
      }
    }
  }
  // Stored in the order real records arrive, month after month: a period's meetings sit together on disk.
  meetings.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.profile.branch.id - b.profile.branch.id));
  meetings.forEach((meeting, i) => {
    meeting.id = i + 1;
    meeting.counts = countsOf(meeting);
  });
  // In a quarter's last month a branch without a separate thematic meeting sometimes holds both in one sitting.
  const thematicHeld = new Set(meetings.filter((meeting) => meeting.kind === "THEMATIC").map((meeting) => `${meeting.profile.branch.id}|${meeting.period}`));
  for (const meeting of meetings) {
    const quarterEnd = Number(meeting.period.slice(5)) % 3 === 0;
    meeting.combined = meeting.kind === "REGULAR" && quarterEnd && !thematicHeld.has(`${meeting.profile.branch.id}|${meeting.period}`) && hashRandom(meeting.seed, 20) < 0.3;
  }
  log(`Sinh hoạt chi bộ: ${meetings.length.toLocaleString("vi-VN")} cuộc họp, ${periods[0]} – ${periods[periods.length - 1]}`);

  const documents: CopyValue[][] = [];
  const schedules: CopyValue[][] = [];
  let documentId = 1;
  const meetingRows = function* (): Generator<CopyValue[]> {
    for (const meeting of meetings) {
      const detail = createRandom(meeting.seed ^ MEETINGS_SEED);
      const recentlyHeld = addDays(meeting.heldOn, 7) > todayIso;
      const withoutMinutes = recentlyHeld ? detail.chance(0.5) : detail.chance(meeting.profile.sloppy ? 0.2 : 0.012);
      const closedOn = addDays(meeting.heldOn, detail.int(1, 4));
      const closedAt = withoutMinutes ? null : new Date(`${closedOn > todayIso ? todayIso : closedOn}T09:30:00Z`);
      if (closedAt) for (const [title, sentOn] of documentsOf(meeting, detail)) documents.push([documentId++, meeting.id, title, sentOn]);
      const used = meeting.profile.handbookFrom !== null && meeting.period >= meeting.profile.handbookFrom && detail.chance(0.93);
      const recordedAt = new Date(`${meeting.heldOn}T12:00:00Z`);
      const { counts } = meeting;
      const conduct = conductOf(meeting);
      if (conduct.announcedOn) {
        const announcedAt = new Date(`${conduct.announcedOn}T02:00:00Z`); // 9:00 in Hà Nội
        const agenda = meeting.kind === "THEMATIC" || meeting.combined ? `Sinh hoạt chuyên đề: ${THEMES[meeting.seed % THEMES.length]}` : `Đánh giá kết quả tháng, triển khai nhiệm vụ tháng tới; ${TASKS[meeting.seed % TASKS.length]}`;
        schedules.push([schedules.length + 1, meeting.profile.branch.id, meeting.period, meeting.kind, meeting.heldOn, conduct.startTime, conduct.place, agenda, announcedAt, `chibo-${meeting.profile.branch.code.toLowerCase()}`, 1, announcedAt]);
      }
      yield [
        meeting.id,
        meeting.profile.branch.id,
        meeting.period,
        meeting.kind,
        meeting.heldOn,
        used,
        null,
        closedAt ? minutesText(meeting, detail) : null,
        closedAt,
        counts.expected,
        counts.present,
        counts.excused,
        counts.unexcused,
        counts.exempt,
        1,
        `chibo-${meeting.profile.branch.code.toLowerCase()}`,
        recordedAt,
        closedAt ?? recordedAt,
        conduct.startTime,
        conduct.endTime,
        conduct.place,
        conduct.committeePrepared,
        conduct.committeePreparedOn,
        meeting.combined ?? false,
      ];
    }
  };
  await copyRows(
    client,
    "Meeting",
    ["id", "branchId", "period", "kind", "heldOn", "usedHandbook", "notes", "minutes", "closedAt", "expectedCount", "presentCount", "excusedCount", "unexcusedCount", "exemptCount", "versionNo", "recordedByLabel", "createdAt", "updatedAt",
      "startTime", "endTime", "place", "committeePrepared", "committeePreparedOn", "combinedWithThematic"],
    meetingRows(),
  );
  await copyRows(client, "MeetingDocument", ["id", "meetingId", "title", "sentOn"], documents);
  await copyRows(client, "MeetingSchedule", ["id", "branchId", "period", "kind", "plannedOn", "startTime", "place", "agenda", "announcedAt", "announcedByLabel", "versionNo", "updatedAt"], schedules);

  const attendanceRows = function* (): Generator<CopyValue[]> {
    for (const meeting of meetings) {
      if (!meeting.withRows) continue;
      for (const [memberId, status, reason] of attendanceOf(meeting)) yield [meeting.id, memberId, status, reason];
    }
  };
  const written = await copyRows(client, "Attendance", ["meetingId", "memberId", "status", "reason"], attendanceRows());
  await resetSequences(client, ["Meeting", "MeetingDocument", "MeetingSchedule"]);
  // Fresh statistics, so that the first roll-ups after seeding (tree joins included) are planned on real row counts.
  await client.query(`ANALYZE "OrgUnit"; ANALYZE "OrgUnitPlacement"; ANALYZE "Member"; ANALYZE "Meeting"; ANALYZE "Attendance"; ANALYZE "MeetingDocument"; ANALYZE "MeetingSchedule"`);
  // The compliance roll-up of every month, with the default thresholds (a changed setting is applied by a rebuild).
  const rollupStarted = Date.now();
  const rolledUp = monthsToRollUp(periods[0], currentPeriod);
  await refreshMeetingStats(pgRunner(client), {
    periods: rolledUp,
    thresholds: {
      minMinutes: QUALITY_MIN_MINUTES.defaultValue,
      minMinutesCombined: QUALITY_MIN_MINUTES_COMBINED.defaultValue,
      minAttendancePercent: QUALITY_MIN_ATTENDANCE_PERCENT.defaultValue,
      documentsDaysBefore: QUALITY_DOCUMENTS_DAYS_BEFORE.defaultValue,
      scheduleDaysAhead: SCHEDULE_DAYS_AHEAD.defaultValue,
    },
  });
  await client.query(`ANALYZE "MeetingStat"`);
  log(`Tổng hợp sinh hoạt chi bộ: ${rolledUp.length} tháng, ${((Date.now() - rollupStarted) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây`);
  log(
    `Điểm danh: ${written.toLocaleString("vi-VN")} dòng${rowMonths < months ? ` (chỉ ${rowMonths} tháng gần nhất)` : ""}, ` +
      `${documents.length.toLocaleString("vi-VN")} tài liệu, ${schedules.length.toLocaleString("vi-VN")} lịch báo trước, ${((Date.now() - started) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây`,
  );
}

export const MEETINGS_SEED_STEP: DemoSeedStep = { name: "sinh hoạt chi bộ và điểm danh", run: seedMeetings };
