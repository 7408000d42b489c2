// Guards of the restructuring form and API: a unit cannot be merged together with
// a unit under it; a change that leaves two units of one name under one parent is
// flagged in the preview; API tokens are issued for a picked unit (its id).
import { closeTestDb, testDb } from "../support/db";
import { createTestWard } from "../support/factories";
import { createAdminActor, newCode } from "../support/reform-factories";
import { applyRestructuring, previewRestructuring } from "@/lib/org/restructure/restructure-org-units";
import { issueApiToken } from "@/lib/tokens/api-tokens";
import { ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

const DATE = "2026-12-01";

describe("merge guards", () => {
  it("refuses a district ticked together with one of its own wards, in the preview and on apply, and writes nothing", async () => {
    const admin = await createAdminActor();
    const a = await createTestWard("Gộp lồng");
    const events = await testDb().orgRestructuring.count();
    const request = { type: "MERGE", effectiveDate: DATE, sourceIds: [a.district.id, a.ward.id], target: { name: "Quận Mới", code: newCode() } };
    for (const run of [previewRestructuring, applyRestructuring]) {
      const error = (await run(admin, request).catch((caught: unknown) => caught)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.details).toEqual([{ field: "sourceIds", message: `${a.ward.name} trực thuộc ${a.district.name}: không chọn cùng lúc một đơn vị và đơn vị trực thuộc nó. Bỏ chọn một trong hai.` }]);
    }
    // The order of the ticks does not matter.
    await expect(previewRestructuring(admin, { ...request, sourceIds: [a.ward.id, a.district.id] })).rejects.toThrow("Đã chọn một đơn vị cùng với đơn vị trực thuộc nó.");
    expect(await testDb().orgRestructuring.count()).toBe(events);
    expect((await testDb().orgUnit.findUniqueOrThrow({ where: { id: a.district.id } })).validTo).toBeNull();
  });

  it("warns when a merge would leave two branches of one name in the receiving ward, and not otherwise", async () => {
    const admin = await createAdminActor();
    const a = await createTestWard("Trùng A");
    const b = await createTestWard("Trùng B");
    // Both wards have a "Tổ dân phố số 12".
    await testDb().orgUnit.update({ where: { id: a.branches[0].id }, data: { name: "Chi bộ Tổ dân phố số 12" } });
    await testDb().orgUnit.update({ where: { id: b.branches[0].id }, data: { name: "Chi bộ  tổ dân phố số 12 " } });
    const preview = await previewRestructuring(admin, { type: "MERGE", effectiveDate: DATE, sourceIds: [b.ward.id], target: { id: a.ward.id } });
    expect(preview.warnings).toEqual([
      `${a.ward.name} sẽ có 2 đơn vị cùng tên “Chi bộ  tổ dân phố số 12 ” (mã ${[a.branches[0].code, b.branches[0].code].sort().join(", ")}). Nên đổi tên để phân biệt (mục Đổi tên), nếu không báo cáo và danh sách sẽ khó phân biệt.`,
    ]);
    // The preview wrote nothing: b's branch is still b's.
    expect((await testDb().orgUnit.findUniqueOrThrow({ where: { id: b.branches[0].id } })).parentId).toBe(b.ward.id);

    const c = await createTestWard("Không trùng");
    const clean = await previewRestructuring(admin, { type: "MERGE", effectiveDate: DATE, sourceIds: [c.ward.id], target: { id: a.ward.id } });
    expect(clean.warnings).toEqual([]);
  });

  it("warns when the new unit of a merge takes the name of a ward that stays", async () => {
    const admin = await createAdminActor();
    const a = await createTestWard("Tên mới A");
    const b = await createTestWard("Tên mới B");
    const stays = await createTestWard("Ở lại");
    const preview = await previewRestructuring(admin, { type: "MERGE", effectiveDate: DATE, sourceIds: [a.ward.id, b.ward.id], target: { name: stays.ward.name, code: newCode() } });
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]).toContain(`${a.district.name} sẽ có 2 đơn vị cùng tên “${stays.ward.name}”`);
  });
});

describe("rename guard", () => {
  it("warns when the new name is a sibling's, and the rename still applies when confirmed", async () => {
    const admin = await createAdminActor();
    const w = await createTestWard("Đổi tên");
    const request = { type: "RENAME", effectiveDate: DATE, unitId: w.branches[1].id, name: w.branches[0].name };
    const preview = await previewRestructuring(admin, request);
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]).toContain(`${w.ward.name} sẽ có 2 đơn vị cùng tên “${w.branches[0].name}”`);
    const applied = await applyRestructuring(admin, request);
    expect(applied.warnings).toEqual(preview.warnings);
    // Renaming one of the two away clears it.
    expect((await previewRestructuring(admin, { ...request, unitId: w.branches[0].id, name: "Chi bộ Tổ dân phố số 99 mới" })).warnings).toEqual([]);
    expect((await previewRestructuring(admin, { ...request, name: "Chi bộ Tổ dân phố số 77" })).warnings).toEqual([]);
  });
});

describe("API tokens for a picked unit", () => {
  it("issues by unit id, refuses a missing, closed or unknown unit with a field message", async () => {
    const admin = await createAdminActor();
    const w = await createTestWard("Mã truy cập");
    const { id } = await issueApiToken(admin, { name: "Đồng bộ phường", orgUnitId: String(w.ward.id), role: "WARD_COMMITTEE" });
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id } })).orgUnitId).toBe(w.ward.id);
    await expect(issueApiToken(admin, { name: "Không chọn", orgUnitId: "", role: "LEADER" })).rejects.toMatchObject({ details: [{ field: "orgUnitId", message: "Chọn đơn vị." }] });
    await expect(issueApiToken(admin, { name: "Không có", orgUnitId: "2147483000", role: "LEADER" })).rejects.toMatchObject({ details: [{ field: "orgUnitId", message: "Đơn vị đã chọn không còn hoạt động hoặc ngoài phạm vi." }] });
    await expect(issueApiToken(admin, { name: "Sai cấp", orgUnitId: String(w.branches[0].id), role: "WARD_COMMITTEE" })).rejects.toBeInstanceOf(ValidationError);
  });
});
