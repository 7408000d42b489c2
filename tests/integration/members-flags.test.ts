import { closeTestDb } from "../support/db";
import { addMember, attendance, createMeetingWard, on } from "../support/meetings-factories";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

type Mark = { memberId: number; status: "PRESENT" | "EXCUSED" | "UNEXCUSED"; reason?: string };

describe("members absent without excuse in 3 months of a year", () => {
  it("lists them with the months, counting a member only while they belonged to the branch", async () => {
    const w = await createMeetingWard("Vắng");
    const [members] = w.members;
    const [steady, twice] = members;
    // Transferred out on 2025-06-01: two absences before, one recorded after leaving (does not count).
    const leaver = await addMember(w.branches[0].id, { joinedBranchOn: "2018-01-01", leftBranchOn: "2025-06-01", fullName: "Nguyễn Văn Chuyển Đi" });
    // Transferred in on 2025-05-01: an absence recorded before joining does not count.
    const joiner = await addMember(w.branches[0].id, { joinedBranchOn: "2025-05-01", fullName: "Trần Thị Chuyển Đến" });

    const meet = async (period: string, day: number, marks: Mark[], kind: "REGULAR" | "THEMATIC" = "REGULAR") => {
      const heldOn = `${period}-${String(day).padStart(2, "0")}`;
      const rows = attendance(members).map((row) => marks.find((mark) => mark.memberId === row.memberId) ?? row);
      for (const mark of marks) if (!rows.some((row) => row.memberId === mark.memberId)) rows.push(mark as never);
      // Members who belong on the day and are not listed are present.
      for (const extra of [leaver, joiner]) {
        const belongs = extra.joinedBranchOn.toISOString().slice(0, 10) <= heldOn && (!extra.leftBranchOn || extra.leftBranchOn.toISOString().slice(0, 10) > heldOn);
        if (belongs && !rows.some((row) => row.memberId === extra.id)) rows.push({ memberId: extra.id, status: "PRESENT", reason: undefined });
      }
      await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period, kind, heldOn, usedHandbook: false, attendance: rows }, { now: on(`${period}-25`) });
    };
    const absent = (...ids: number[]): Mark[] => ids.map((memberId) => ({ memberId, status: "UNEXCUSED" }));

    await meet("2024-12", 10, absent(steady.id)); // another year
    await meet("2025-02", 10, absent(steady.id, twice.id, leaver.id));
    await meet("2025-03", 10, absent(steady.id, leaver.id, joiner.id)); // joiner had not joined yet: an anomaly, not counted
    await meet("2025-03", 20, absent(steady.id), "THEMATIC"); // same month twice counts once
    await meet("2025-05", 10, [...absent(twice.id, joiner.id), { memberId: steady.id, status: "EXCUSED", reason: "Ốm" }]);
    await meet("2025-07", 10, absent(steady.id, leaver.id, joiner.id)); // leaver had left: not counted
    await meet("2025-09", 10, absent(joiner.id));

    const flags = await findAbsenceFlags(w.wardActor, { year: 2025, orgUnitId: w.branches[0].id });
    const byMember = Object.fromEntries(flags.items.map((item) => [item.member.id, item.months]));
    expect(byMember[steady.id]).toEqual(["2025-02", "2025-03", "2025-07"]);
    expect(byMember[joiner.id]).toEqual(["2025-05", "2025-07", "2025-09"]);
    expect(byMember[twice.id]).toBeUndefined(); // two months only
    expect(byMember[leaver.id]).toBeUndefined(); // 2 while they belonged, the third after leaving
    expect(flags.items.find((item) => item.member.id === steady.id)?.branch.id).toBe(w.branches[0].id);

    // The ward and the board see it above the branch; 2024 has only one month.
    expect((await findAbsenceFlags(w.wardActor, { year: 2025 })).items.map((item) => item.member.id)).toEqual(expect.arrayContaining([steady.id, joiner.id]));
    expect((await findAbsenceFlags(w.boardActor, { year: 2025, orgUnitId: w.ward.id })).total).toBe(2);
    expect((await findAbsenceFlags(w.wardActor, { year: 2024, orgUnitId: w.ward.id })).total).toBe(0);

    // Another ward cannot ask about this one, and does not see these members in its own list.
    const other = await createMeetingWard("Khác");
    await expect(findAbsenceFlags(other.wardActor, { year: 2025, orgUnitId: w.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await findAbsenceFlags(other.wardActor, { year: 2025 })).items).toEqual([]);
  });
});
