import { closeTestDb, testDb } from "../support/db";
import { uniqueSuffix } from "../support/factories";
import { createBoardActor, createStatsWard } from "../support/stats-factories";
import { runImport, type StagedImportDefinition } from "@/lib/imports/run-import";
import { findImportDefinition } from "@/lib/imports/registry";
import { ValidationError } from "@/lib/errors";
import { todayIso } from "@/lib/format/date";

// The member file staged with COPY and checked in SQL: how it reads cells,
// the files it refuses whole (nothing written, nothing left in staging), and
// the files PostgreSQL's CSV reader refuses, which are read the tolerant way.

afterAll(closeTestDb);

const members = () => findImportDefinition("members") as StagedImportDefinition;
const header = "Mã đảng viên,Mã chi bộ,Họ và tên,Trạng thái,Thuộc diện cài Sổ tay,Ngày cài Sổ tay,Giới tính,Năm sinh,Ngày vào chi bộ,Ngày rời chi bộ";

/** Staging tables left in the database; waits a little, as imports of other test files may be running at the same moment. */
async function stagingTables(): Promise<number> {
  const count = async () => (await testDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'import_staging'`)[0].n;
  for (let waited = 0; waited < 30_000; waited += 250) {
    if ((await count()) === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return count();
}

async function codesLike(prefix: string) {
  return testDb().member.findMany({ where: { code: { startsWith: prefix } }, orderBy: { code: "asc" } });
}

describe("member import: cells as people write them", () => {
  it("reads statuses, yes/no and genders in any spelling, both date forms, names in NFD with stray spaces, and fills defaults", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const b = own.branches[0].code;
    const p = `W${uniqueSuffix()}`;
    const csv = [
      "ma dang vien;MA CHI BO;ho va ten;trang thai;thuoc dien cai so tay;ngay cai so tay;gioi tinh;nam sinh;ngay vao chi bo;ngay roi chi bo",
      `${p.toLowerCase()}-1;${b.toLowerCase()};  Lê  Văn\tTám ;;;;;;;`, // defaults: active, eligible
      `${p}-2;${b};${"Nguyễn Thị Hoà".normalize("NFD")};MIEN_SINH_HOAT;không;5/3/2025;nữ;1.985;01/02/2010;`,
      `${p}-3;${b};Trần Văn Ba;đã từ trần;x;2025-3-5;NAM;1950;2010-02-01;15.06.2025`,
      `${p}-4;${b};Phạm Văn Bốn;Đã chuyển đi;Có;;;;;`, // leaves today
    ].join("\r\n");
    const result = await runImport(board, members(), { text: csv, dryRun: false });
    expect(result).toMatchObject({ accepted: 4, rejected: 0, errors: [] });
    const [one, two, three, four] = await codesLike(`${p}-`);
    expect(one).toMatchObject({ code: `${p}-1`, branchId: own.branches[0].id, fullName: "Lê Văn Tám", status: "ACTIVE", eligibleForHandbook: true, gender: null, birthYear: null, handbookInstalledAt: null, leftBranchOn: null });
    expect(one.joinedBranchOn.toISOString().slice(0, 10)).toBe(todayIso());
    expect(two).toMatchObject({ fullName: "Nguyễn Thị Hoà".normalize("NFC"), status: "EXEMPT", eligibleForHandbook: false, gender: "FEMALE", birthYear: 1985 });
    expect(two.handbookInstalledAt?.toISOString().slice(0, 10)).toBe("2025-03-05");
    expect(two.joinedBranchOn.toISOString().slice(0, 10)).toBe("2010-02-01");
    expect(three).toMatchObject({ status: "DECEASED", eligibleForHandbook: true, gender: "MALE", birthYear: 1950 });
    expect(three.handbookInstalledAt?.toISOString().slice(0, 10)).toBe("2025-03-05");
    expect(three.leftBranchOn?.toISOString().slice(0, 10)).toBe("2025-06-15");
    expect(four.status).toBe("TRANSFERRED_OUT");
    expect(four.leftBranchOn?.toISOString().slice(0, 10)).toBe(todayIso());
    expect(await stagingTables()).toBe(0);
  });

  it("refuses impossible dates, bad years and unknown words with the cell as written", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const b = own.branches[0].code;
    const p = `D${uniqueSuffix()}`;
    const csv = [
      header,
      `${p}-1,${b},Trần Văn An,,,29/02/2025,,,,`, // not a leap year
      `${p}-2,${b},Trần Văn Bình,,,2024-02-29,,12000,,`, // a real day; year too large
      `${p}-3,${b},Trần Văn Cường,,có lẽ,,,19x0,,`,
      `${p}-4,${b},Trần Văn Dũng,,,,,,31/04/2020,`,
      `${p}-5,${b},Trần Văn Em,,,,,1899,,`,
    ].join("\n");
    const result = await runImport(board, members(), { text: csv, dryRun: true });
    expect(result).toMatchObject({ accepted: 0, rejected: 5 });
    expect(result.errors).toEqual([
      { row: 2, field: "handbookInstalledAt", message: 'Ngày cài Sổ tay "29/02/2025" không đúng dạng ngày (YYYY-MM-DD hoặc dd/MM/yyyy).' },
      { row: 3, field: "birthYear", message: "Năm sinh tối đa 9.999." },
      { row: 4, field: "eligibleForHandbook", message: 'Cột thuộc diện cài Sổ tay: "có lẽ" không hiểu được, ghi "có" hoặc "không".' },
      { row: 4, field: "birthYear", message: 'Năm sinh phải là số nguyên không âm (nhận "19x0").' },
      { row: 5, field: "joinedBranchOn", message: 'Ngày vào chi bộ "31/04/2020" không đúng dạng ngày (YYYY-MM-DD hoặc dd/MM/yyyy).' },
      { row: 6, field: "birthYear", message: "Năm sinh không hợp lệ." },
    ]);
  });
});

describe("member import: files refused whole write nothing and leave nothing staged", () => {
  it("a file that is not UTF-8 (saved in a Windows code page) is refused with the line", async () => {
    await createStatsWard();
    const board = await createBoardActor();
    const p = `E${uniqueSuffix()}`;
    // "Nguyễn" in Windows-1258 bytes, read as UTF-8: the bytes that are not UTF-8 become U+FFFD.
    const bytes = Buffer.concat([Buffer.from(`${header}\n${p}-1,LB-BD-01,Nguy`), Buffer.from([0xea, 0xde, 0x6e]), Buffer.from(",,,,,,,\n")]);
    const error = await runImport(board, members(), { text: new TextDecoder("utf-8").decode(bytes), dryRun: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/không phải mã UTF-8 \(lỗi mã chữ từ dòng 2\)/);
    expect(await codesLike(p)).toEqual([]);
  });

  it("missing columns, a header only, and a file over the row limit", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const p = `L${uniqueSuffix()}`;
    await expect(runImport(board, members(), { text: `Mã đảng viên,Họ và tên\n${p}-1,Trần Văn An\n`, dryRun: false })).rejects.toThrow('Thiếu cột: "Mã chi bộ"');
    await expect(runImport(board, members(), { text: `${header}\n`, dryRun: false })).rejects.toThrow("Tệp chỉ có dòng tiêu đề");
    const lines = Array.from({ length: 6 }, (_, i) => `${p}-${i},${own.branches[0].code},Đảng viên ${i},,,,,,,`);
    const error = await runImport(board, { ...members(), maxRows: 5 }, { text: [header, ...lines].join("\n"), dryRun: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe("Tệp có 6 dòng, vượt giới hạn 5 dòng mỗi lần nhập.");
    expect(await codesLike(p)).toEqual([]);
    expect(await stagingTables()).toBe(0);
  });

  it("a failure while writing rolls everything back, marks the job failed and drops the staging tables", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const p = `F${uniqueSuffix()}`;
    const definition = members();
    const failing: StagedImportDefinition = {
      ...definition,
      write: async (tx, actor, staged) => {
        await definition.write(tx, actor, staged);
        throw new Error("mất điện giữa chừng");
      },
    };
    const jobId = crypto.randomUUID();
    const csv = [header, `${p}-1,${own.branches[0].code},Trần Văn An,,,,,,,`].join("\n");
    await expect(runImport(board, failing, { text: csv, dryRun: false, jobId })).rejects.toThrow("mất điện");
    expect(await codesLike(p)).toEqual([]);
    expect(await testDb().importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "FAILED", totalRows: 1 });
    expect(await stagingTables()).toBe(0);
  });
});

describe("member import: files PostgreSQL's CSV reader refuses", () => {
  it("rows of different lengths and empty lines are read as every import reads them, with the same row numbers", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const p = `R${uniqueSuffix()}`;
    const b = own.branches[0].code;
    const csv = [
      "Mã đảng viên,Mã chi bộ,Họ và tên,Trạng thái",
      `${p}-1,${b},Trần Văn An`, // short row: status defaults
      "",
      `${p}-2,${b},"Lê, Văn Bình",Đang sinh hoạt,cột thừa`, // long row
      `${p.toLowerCase()}-1,${b},Trùng mã,`, // row 4 (the empty line is skipped): repeats row 2
      `${p}-3,KHONG-CO-${p},Trần Văn Cường`,
    ].join("\n");
    const result = await runImport(board, members(), { text: csv, dryRun: false });
    expect(result).toMatchObject({ accepted: 2, rejected: 2 });
    expect(result.errors).toEqual([
      { row: 4, field: "code", message: `Trùng mã đảng viên ${p}-1 với dòng 2.` },
      { row: 5, field: "branchCode", message: `Không có chi bộ mã KHONG-CO-${p} đang hoạt động trong phạm vi của bạn.` },
    ]);
    expect((await codesLike(p)).map((m) => [m.code, m.fullName])).toEqual([
      [`${p}-1`, "Trần Văn An"],
      [`${p}-2`, "Lê, Văn Bình"],
    ]);
    expect(await stagingTables()).toBe(0);
  });
});

describe("member import: a file checked in parts", () => {
  /** The member import with its check run in `parts` parts; `ranges` collects the rows each part read. */
  function checkedInParts(parts: number, ranges: number[][] = []): StagedImportDefinition {
    const definition = members();
    return {
      ...definition,
      check: (actor, staged, maxErrors) =>
        definition.check(actor, { ...staged, inParts: (work) => staged.inParts((part) => (ranges.push([part.from, part.to]), work(part)), parts) }, maxErrors),
    };
  }

  it("gives the rows and errors of one part when refused rows, and a repeated code and its first line, fall in different parts", async () => {
    const [own, board] = await Promise.all([createStatsWard(), createBoardActor()]);
    const [b, p] = [own.branches[0].code, `P${uniqueSuffix()}`];
    const csv = [
      header,
      `${p}-1,${b},Trần Văn An,,,,,,,`, // part 1
      `${p}-2,${b},Trần Văn Bình,,,31/02/2025,,,,`,
      `${p}-3,KHONG-CO-${p},Trần Văn Cường,,,,,,,`,
      `${p}-4,${b},Trần Văn Dũng,,,,,,,`, // part 2
      `${p}-5,${b},Trần Văn Em,Đang sinh hoạt,,,,,,2025-01-01`,
      `${p}-6,${b},Trần Văn Phúc,,,,,,,`,
      `${p.toLowerCase()}-1,${b},Trùng mã,,,,,,,`, // part 3: repeats row 2
      `${p}-7,${b},X,,,,,,,`,
      `${p}-4,${b},Trùng mã nữa,,,,,,,`, // repeats row 5
    ].join("\n");
    const ranges: number[][] = [];
    const whole = await runImport(board, checkedInParts(1), { text: csv, dryRun: true });
    const inThree = await runImport(board, checkedInParts(3, ranges), { text: csv, dryRun: true });
    expect(ranges.sort((x, y) => x[0] - y[0])).toEqual([[2, 4], [5, 7], [8, 10]]);
    expect(inThree).toMatchObject({ accepted: 3, rejected: 6 });
    expect(inThree.errors).toEqual(whole.errors);
    expect([inThree.accepted, inThree.rejected]).toEqual([whole.accepted, whole.rejected]);
    expect(inThree.errors).toEqual([
      { row: 3, field: "handbookInstalledAt", message: 'Ngày cài Sổ tay "31/02/2025" không đúng dạng ngày (YYYY-MM-DD hoặc dd/MM/yyyy).' },
      { row: 4, field: "branchCode", message: `Không có chi bộ mã KHONG-CO-${p} đang hoạt động trong phạm vi của bạn.` },
      { row: 6, field: "leftBranchOn", message: "Đảng viên đang sinh hoạt hoặc miễn sinh hoạt thì không có ngày rời chi bộ." },
      { row: 8, field: "code", message: `Trùng mã đảng viên ${p}-1 với dòng 2.` },
      { row: 9, field: "fullName", message: "Họ và tên quá ngắn." },
      { row: 10, field: "code", message: `Trùng mã đảng viên ${p}-4 với dòng 5.` },
    ]);
    expect(await codesLike(p)).toEqual([]); // a dry run writes nothing

    const written = await runImport(board, checkedInParts(3), { text: csv, dryRun: false });
    expect(written).toMatchObject({ accepted: 3, rejected: 6 });
    expect((await codesLike(p)).map((m) => [m.code, m.fullName])).toEqual([
      [`${p}-1`, "Trần Văn An"],
      [`${p}-4`, "Trần Văn Dũng"],
      [`${p}-6`, "Trần Văn Phúc"],
    ]);
    expect(await stagingTables()).toBe(0);
  });
});
