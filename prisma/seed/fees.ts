// Demo party fees (docs/fees.md). District: the last 12 months of fees for
// every member expected to pay, written with COPY; about 1% of members are
// behind (many unpaid months without reason), a few unpaid months carry a good
// reason, ~1% of members are exempt from fees, the current month is recorded
// by the branches that got to it. A few transfers are linked as one person
// (personCode) so the members' rule shows months from two branches.
// City: exemptions only (no fee rows), to keep the step bounded. Deterministic.
import { copyRows, type CopyValue } from "../../lib/db/copy";
import { addMonths, type Period } from "../../lib/periods/period";
import type { DemoSeedStep, SeedContext } from "./index";
import { hashedFraction } from "./random";
import type { PlannedMember } from "./plan";

const FEES_SEED = 2026_1201;
const MONTHS = 12;
const MAX_LINKED_TRANSFERS = 20;
const UNPAID_REASONS = ["Ốm dài ngày, gia đình xin nộp sau", "Đi làm ăn xa, đã báo chi bộ", "Nằm viện điều trị", "Gia đình khó khăn đột xuất"];

const hash = (...values: number[]) => hashedFraction(FEES_SEED, ...values);

const iso = (date: Date) => date.toISOString().slice(0, 10);

function lastDayOf(period: Period): string {
  const [year, month] = period.split("-").map(Number);
  return iso(new Date(Date.UTC(year, month, 0)));
}

function belongedInMonth(member: PlannedMember, period: Period): boolean {
  return iso(member.joinedBranchOn) <= lastDayOf(period) && (member.leftBranchOn === null || iso(member.leftBranchOn) > `${period}-01`);
}

async function seedFees({ client, scale, plan, today, log }: SeedContext): Promise<void> {
  const started = Date.now();
  const members = plan.members as PlannedMember[];
  const feeExempt = new Set(members.filter((m) => m.status === "ACTIVE" && hash(m.id, 41) < 0.01).map((m) => m.id));
  if (feeExempt.size) await client.query(`UPDATE "Member" SET "feeExempt" = true WHERE id = ANY($1::int[])`, [[...feeExempt]]);
  if (scale === "city") {
    log(`Đảng phí: ${feeExempt.size.toLocaleString("vi-VN")} đảng viên miễn đóng (dữ liệu thành phố không có sổ đảng phí)`);
    return;
  }

  // A few transfers become one person: a member who left, and a member who joined another branch within 45 days.
  const todayIso = iso(today);
  const currentPeriod = todayIso.slice(0, 7) as Period;
  const firstPeriod = addMonths(currentPeriod, 1 - MONTHS);
  const leavers = members.filter((m) => m.status === "TRANSFERRED_OUT" && m.leftBranchOn && iso(m.leftBranchOn) >= `${firstPeriod}-01`).sort((a, b) => a.id - b.id);
  const used = new Set<number>();
  const linked: [PlannedMember, PlannedMember][] = [];
  for (const leaver of leavers) {
    if (linked.length >= MAX_LINKED_TRANSFERS) break;
    const left = leaver.leftBranchOn!.getTime();
    const joiner = members.find((m) => m.status === "ACTIVE" && m.branchId !== leaver.branchId && !used.has(m.id) && m.joinedBranchOn.getTime() >= left && m.joinedBranchOn.getTime() - left <= 45 * 86_400_000);
    if (!joiner) continue;
    used.add(joiner.id);
    linked.push([leaver, joiner]);
  }
  for (const [leaver, joiner] of linked) {
    // The new record is the same person: same name, sex and birth year.
    joiner.fullName = leaver.fullName;
    joiner.gender = leaver.gender;
    joiner.birthYear = leaver.birthYear;
    await client.query(`UPDATE "Member" SET "personCode" = $1 WHERE id = $2`, [leaver.code, leaver.id]);
    await client.query(`UPDATE "Member" SET "personCode" = $1, "fullName" = $2, gender = $3::"Gender", "birthYear" = $4 WHERE id = $5`, [leaver.code, leaver.fullName, leaver.gender, leaver.birthYear, joiner.id]);
  }
  const linkedIds = new Set(linked.flatMap(([a, b]) => [a.id, b.id]));

  const branches = new Map(plan.branches().map((branch) => [branch.id, branch]));
  const periods = Array.from({ length: MONTHS }, (_, i) => addMonths(firstPeriod, i));
  const dayOfMonth = Number(todayIso.slice(8, 10));
  let unpaid = 0;
  const rows = function* (): Generator<CopyValue[]> {
    for (const member of members) {
      if (member.status === "EXEMPT" || feeExempt.has(member.id)) continue;
      const branch = branches.get(member.branchId)!;
      const residential = /Tổ dân phố|Thôn|Khu dân cư/.test(branch.name);
      // Retired members in residential groups pay a share of their pension; others of their salary.
      const base = Math.round((residential ? 20_000 + hash(member.id, 5) * 40_000 : 40_000 + hash(member.id, 5) * 110_000) / 1000) * 1000;
      const behind = linkedIds.has(member.id) ? hash(member.id, 43) < 0.5 : hash(member.id, 43) < 0.01;
      for (const period of periods) {
        if (!belongedInMonth(member, period)) continue;
        const p = periods.indexOf(period);
        // This month: the branches that already collected (more of them as the month goes on).
        if (period === currentPeriod && hash(member.branchId, p, 2) > Math.min(1, dayOfMonth / 25)) continue;
        // A few branches leave a month unrecorded.
        if (hash(member.branchId, p, 3) < 0.01) continue;
        const roll = hash(member.id, p, 7);
        const isUnpaid = behind ? roll < (linkedIds.has(member.id) ? 0.6 : 0.45) : roll < 0.006;
        const label = `chibo-${branch.code.toLowerCase()}`;
        const updatedAt = new Date(`${period === currentPeriod ? todayIso : lastDayOf(period)}T10:00:00Z`);
        if (isUnpaid) {
          unpaid++;
          const reason = !behind && hash(member.id, p, 9) < 0.4 ? UNPAID_REASONS[Math.floor(hash(member.id, p, 10) * UNPAID_REASONS.length)] : null;
          yield [member.id, period, false, null, reason, label, updatedAt];
        } else {
          yield [member.id, period, true, hash(member.id, p, 8) < 0.85 ? base : null, null, label, updatedAt];
        }
      }
    }
  };
  const written = await copyRows(client, "PartyFee", ["memberId", "period", "paid", "amount", "reason", "recordedByLabel", "updatedAt"], rows());
  await client.query(`ANALYZE "PartyFee"`);
  log(
    `Đảng phí: ${written.toLocaleString("vi-VN")} dòng (${unpaid.toLocaleString("vi-VN")} tháng chưa đóng), ${feeExempt.size.toLocaleString("vi-VN")} đảng viên miễn đóng, ` +
      `${linked.length} đảng viên chuyển sinh hoạt được nối hai chi bộ, ${((Date.now() - started) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây`,
  );
}

export const FEES_SEED_STEP: DemoSeedStep = { name: "đảng phí", run: seedFees };
