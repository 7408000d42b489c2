import { z } from "zod";
import { createTestWard, uniqueSuffix } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { getImportJob, runImport, type ImportDefinition } from "@/lib/imports/run-import";
import { inScope } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

// A small import that exercises the runner: one note per branch, kept in AppSetting.
const Row = z.object({ branchCode: z.string({ message: "Thiếu mã chi bộ." }).min(1, "Thiếu mã chi bộ."), note: z.string().max(20, "Ghi chú dài tối đa 20 ký tự.") });
function noteImport(prefix: string): ImportDefinition<z.infer<typeof Row>, { key: string; note: string }> {
  return {
    kind: "test-notes",
    label: "Ghi chú thử",
    description: "",
    permission: "org.read",
    columns: [
      { field: "branchCode", header: "Mã chi bộ", description: "", example: "LB-BD-01" },
      { field: "note", header: "Ghi chú", description: "", example: "x" },
    ],
    rowSchema: Row,
    async resolve(actor, rows) {
      const units = await testDb().orgUnit.findMany({ where: { code: { in: rows.map((r) => r.value.branchCode) } } });
      const byCode = new Map(units.map((unit) => [unit.code, unit]));
      const accepted = [];
      const errors = [];
      for (const { row, value } of rows) {
        const unit = byCode.get(value.branchCode);
        if (!unit || !inScope(actor, unit.path)) errors.push({ row, field: "branchCode", message: `Không có chi bộ ${value.branchCode} trong phạm vi.` });
        else accepted.push({ row, value: { key: `${prefix}.${unit.code}`, note: value.note } });
      }
      return { accepted, errors };
    },
    async write(tx, _actor, rows) {
      await tx.appSetting.createMany({ data: rows.map((row) => ({ key: row.key, value: row.note })) });
    },
  };
}

async function notes(prefix: string) {
  return (await testDb().appSetting.findMany({ where: { key: { startsWith: `${prefix}.` } } })).map((row) => row.key).sort();
}

describe("CSV import runner", () => {
  it("writes the accepted rows together, reports each rejected row, and writes nothing from them", async () => {
    const own = await createTestWard();
    const other = await createTestWard();
    const prefix = `test.import.${uniqueSuffix()}`;
    const csv = [
      "Mã chi bộ;Ghi chú",
      `${own.branches[0].code};đúng`,
      `${other.branches[0].code};ngoài phạm vi`,
      `;thiếu mã`,
      `${own.branches[1].code};ghi chú quá dài quá dài quá dài`,
      `${own.ward.code};không phải chi bộ nhưng trong phạm vi`.replace(/;.*/, ";được"),
    ].join("\n");
    const result = await runImport(own.wardActor, noteImport(prefix), { text: csv, dryRun: false });
    expect(result).toMatchObject({ accepted: 2, rejected: 3 });
    expect(result.errors).toEqual([
      { row: 3, field: "branchCode", message: `Không có chi bộ ${other.branches[0].code} trong phạm vi.` },
      { row: 4, field: "branchCode", message: "Thiếu mã chi bộ." },
      { row: 5, field: "note", message: "Ghi chú dài tối đa 20 ký tự." },
    ]);
    expect(await notes(prefix)).toEqual([`${prefix}.${own.branches[0].code}`, `${prefix}.${own.ward.code}`].sort());
    const job = await getImportJob(own.wardActor, result.jobId);
    expect(job).toMatchObject({ status: "SUCCEEDED", totalRows: 5, processedRows: 5, accepted: 2, rejected: 3 });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { entityType: "ImportJob", entityId: result.jobId } });
    expect(audit.action).toBe("import.test-notes");
  });

  it("a dry run validates everything and writes nothing", async () => {
    const own = await createTestWard();
    const prefix = `test.import.${uniqueSuffix()}`;
    const result = await runImport(own.wardActor, noteImport(prefix), { text: `Mã chi bộ,Ghi chú\n${own.branches[0].code},ok\n`, dryRun: true });
    expect(result).toMatchObject({ dryRun: true, accepted: 1, rejected: 0 });
    expect(await notes(prefix)).toEqual([]);
  });

  it("a failure while writing leaves nothing behind and marks the job failed", async () => {
    const own = await createTestWard();
    const prefix = `test.import.${uniqueSuffix()}`;
    const definition = noteImport(prefix);
    const failing = { ...definition, write: async (tx: Parameters<typeof definition.write>[0], actor: Parameters<typeof definition.write>[1], rows: Parameters<typeof definition.write>[2]) => {
      await definition.write(tx, actor, rows);
      throw new Error("mất điện giữa chừng");
    } };
    const csv = `Mã chi bộ,Ghi chú\n${own.branches[0].code},a\n${own.branches[1].code},b\n`;
    const jobId = crypto.randomUUID();
    await expect(runImport(own.wardActor, failing, { text: csv, dryRun: false, jobId })).rejects.toThrow("mất điện");
    expect(await notes(prefix)).toEqual([]);
    expect((await getImportJob(own.wardActor, jobId)).status).toBe("FAILED");
  });

  it("refuses files without the required columns, and users without the permission", async () => {
    const own = await createTestWard();
    await expect(runImport(own.wardActor, noteImport("x"), { text: "Ghi chú\na\n", dryRun: true })).rejects.toBeInstanceOf(ValidationError);
    await expect(runImport(own.wardActor, { ...noteImport("x"), permission: "user.manage" }, { text: "Mã chi bộ,Ghi chú\na,b\n", dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("another user cannot read someone's import job", async () => {
    const own = await createTestWard();
    const other = await createTestWard();
    const result = await runImport(own.wardActor, noteImport(`test.import.${uniqueSuffix()}`), { text: `Mã chi bộ,Ghi chú\n${own.branches[0].code},a\n`, dryRun: true });
    await expect(getImportJob(other.wardActor, result.jobId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
