// Party fees recorded on the meeting form: the form's fields go through the
// same parsing as the server action (meetingInputFromForm, feeInputFromMeetingForm)
// into recordMeeting, which checks and saves them with lib/fees in the meeting's
// transaction. The browser side is tests/e2e/meetings-fees-form.test.ts.
import { closeTestDb, testDb } from "../support/db";
import { createMeetingWard, on } from "../support/meetings-factories";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { getRecordingRoster } from "@/lib/meetings/recording-roster";
import { meetingInputFromForm } from "@/lib/meetings/meeting-form-input";
import { feeInputFromMeetingForm } from "@/lib/fees/fee-form-input";
import { recordFees } from "@/lib/fees/record-fees";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";

afterAll(closeTestDb);

const PERIOD = "2026-10";
const now = on("2026-10-20");

/** What the meeting form posts: everyone present, plus the fee boxes given. */
function formFields(branchId: number, memberIds: number[], fees: Record<string, string>) {
  const fields: Record<string, string> = { branchId: String(branchId), period: PERIOD, kind: "REGULAR", heldOn: "2026-10-15", notes: "" };
  for (const id of memberIds) fields[`status.${id}`] = "PRESENT";
  return { ...fields, ...fees };
}

async function submit(actor: Actor, fields: Record<string, string>) {
  return recordMeeting(actor, meetingInputFromForm(fields), { now, fees: feeInputFromMeetingForm(fields)?.fees ?? [] });
}

describe("party fees on the meeting form", () => {
  it("saves the ticked fees with the meeting, prefills them, unticks a paid one, and leaves untouched members as they were", async () => {
    const w = await createMeetingWard("Đảng phí họp");
    const branch = w.branches[0];
    const active = w.members[0].filter((member) => member.status === "ACTIVE" && !member.leftBranchOn);
    const expectedIds = active.map((member) => member.id);
    // One member already unpaid with a reason on the fee sheet: an unticked box must keep it.
    await recordFees(w.secretaryActor, branch.id, { period: PERIOD, fees: [{ memberId: active[2].id, paid: false, reason: "Ốm dài ngày" }] }, { now });

    const fields = formFields(branch.id, expectedIds, { [`feePaid.${active[0].id}`]: "1", [`feeAmount.${active[0].id}`]: "50.000", [`feePaid.${active[1].id}`]: "1" });
    const first = await submit(w.secretaryActor, fields);
    expect(first).toMatchObject({ created: true, fees: { changed: true, changedCount: 2 } });
    const fees = await testDb().partyFee.findMany({ where: { period: PERIOD, memberId: { in: expectedIds } }, orderBy: { memberId: "asc" } });
    expect(Object.fromEntries(fees.map((fee) => [fee.memberId, [fee.paid, fee.amount, fee.reason]]))).toEqual({
      [active[0].id]: [true, 50_000, null],
      [active[1].id]: [true, null, null],
      [active[2].id]: [false, null, "Ốm dài ngày"],
    });
    // One way to write fees: the same audit event as the fee sheet, for the branch and month.
    expect(await testDb().auditEvent.count({ where: { action: "fee.recorded", orgUnitId: branch.id, entityId: `${branch.code}/${PERIOD}` } })).toBe(2);

    // The same submission again changes nothing.
    expect(await submit(w.secretaryActor, fields)).toMatchObject({ changed: false, fees: { changed: false, changedCount: 0 } });

    // The form opens with what the sheet has.
    const roster = await getRecordingRoster(w.secretaryActor, branch.id, PERIOD, "REGULAR", { now });
    const feeOf = (id: number) => roster.members.find((member) => member.id === id)?.fee;
    expect(feeOf(active[0].id)).toEqual({ due: true, exemption: null, paid: true, amount: 50_000 });
    expect(feeOf(active[2].id)).toEqual({ due: true, exemption: null, paid: false, amount: null });
    expect(feeOf(active[3].id)).toEqual({ due: true, exemption: null, paid: null, amount: null });

    // Unticking a paid member (the form then sends 0): recorded unpaid, the meeting itself unchanged.
    const untick = await submit(w.secretaryActor, { ...fields, [`feePaid.${active[1].id}`]: "0" });
    expect(untick).toMatchObject({ changed: false, fees: { changed: true, changedCount: 1 } });
    expect(await testDb().partyFee.findUniqueOrThrow({ where: { memberId_period: { memberId: active[1].id, period: PERIOD } } })).toMatchObject({ paid: false, amount: null });
  });

  it("shows exempt members as exempt and refuses their fee; a bad amount or a refused fee writes neither meeting nor fees", async () => {
    const w = await createMeetingWard("Đảng phí miễn");
    const branch = w.branches[0];
    const active = w.members[0].filter((member) => member.status === "ACTIVE" && !member.leftBranchOn);
    const expectedIds = active.map((member) => member.id);
    const exempt = active[1];
    await testDb().member.update({ where: { id: exempt.id }, data: { feeExempt: true } });

    const roster = await getRecordingRoster(w.secretaryActor, branch.id, PERIOD, "REGULAR", { now });
    expect(roster.members.find((member) => member.id === exempt.id)?.fee).toMatchObject({ exemption: "Miễn đóng đảng phí" });

    const written = async () => ({
      meetings: await testDb().meeting.count({ where: { branchId: branch.id, period: PERIOD } }),
      fees: await testDb().partyFee.count({ where: { period: PERIOD, memberId: { in: expectedIds } } }),
    });
    // An exempt member's box (a crafted form): a Vietnamese message naming them, nothing written.
    const exemptFields = formFields(branch.id, expectedIds, { [`feePaid.${active[0].id}`]: "1", [`feePaid.${exempt.id}`]: "1" });
    await expect(submit(w.secretaryActor, exemptFields)).rejects.toThrow(/miễn đóng đảng phí, không ghi đảng phí/);
    // A bad amount: refused while reading the form, before anything is called.
    expect(() => feeInputFromMeetingForm(formFields(branch.id, expectedIds, { [`feePaid.${active[0].id}`]: "1", [`feeAmount.${active[0].id}`]: "năm mươi" }))).toThrow(ValidationError);
    expect(() => feeInputFromMeetingForm({ [`feePaid.${active[0].id}`]: "1", [`feeAmount.${active[0].id}`]: "999.999.999" })).toThrow(/Số tiền đảng phí không đúng/i);
    // A member of the other branch: refused with the branch named.
    const foreignMember = w.members[1][0];
    await expect(submit(w.secretaryActor, formFields(branch.id, expectedIds, { [`feePaid.${foreignMember.id}`]: "1" }))).rejects.toThrow(/không thuộc chi bộ/);
    // A refused attendance (a member missing) writes no fee either.
    await expect(submit(w.secretaryActor, formFields(branch.id, expectedIds.slice(1), { [`feePaid.${active[0].id}`]: "1" }))).rejects.toThrow(/Thiếu điểm danh/);
    expect(await written()).toEqual({ meetings: 0, fees: 0 });
  });

  it("another ward's secretary cannot write this branch's fees or meeting from the form: 404, nothing written", async () => {
    const w = await createMeetingWard("Đảng phí phạm vi");
    const other = await createMeetingWard("Phường khác");
    const branch = w.branches[0];
    const active = w.members[0].filter((member) => member.status === "ACTIVE" && !member.leftBranchOn);
    const fields = formFields(branch.id, active.map((member) => member.id), { [`feePaid.${active[0].id}`]: "1" });
    await expect(submit(other.secretaryActor, fields)).rejects.toBeInstanceOf(NotFoundError);
    // The second branch's secretary of the same ward is outside this branch too.
    await expect(submit(w.secondSecretaryActor, fields)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRecordingRoster(other.secretaryActor, branch.id, PERIOD, "REGULAR", { now })).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().partyFee.count({ where: { memberId: active[0].id } })).toBe(0);
    expect(await testDb().meeting.count({ where: { branchId: branch.id } })).toBe(0);
  });
});
