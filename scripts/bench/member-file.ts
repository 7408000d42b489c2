import type pg from "pg";

/**
 * The member CSV of every current member of the database, as the bench
 * imports it: one in ten members not yet installed is written as newly
 * installed (so the import updates them and refreshes their roll-ups).
 */
export async function memberFileOfCity(raw: pg.Client): Promise<{ csv: string; rows: number }> {
  const members = await raw.query<{ line: string }>(`
    SELECT concat_ws(',', m.code, b.code, m."fullName", CASE m.status WHEN 'ACTIVE' THEN 'Đang sinh hoạt' ELSE 'Miễn sinh hoạt' END,
      CASE WHEN m."eligibleForHandbook" THEN 'Có' ELSE 'Không' END,
      coalesce(to_char(m."handbookInstalledAt", 'YYYY-MM-DD'), CASE WHEN m.id % 10 = 0 THEN to_char(current_date - 5, 'YYYY-MM-DD') ELSE '' END),
      CASE m.gender WHEN 'MALE' THEN 'Nam' WHEN 'FEMALE' THEN 'Nữ' ELSE '' END, coalesce(m."birthYear"::text, ''), to_char(m."joinedBranchOn", 'YYYY-MM-DD')) AS line
    FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId" WHERE m.status IN ('ACTIVE', 'EXEMPT') ORDER BY m.id`);
  const csv = ["Mã đảng viên,Mã chi bộ,Họ và tên,Trạng thái,Thuộc diện cài Sổ tay,Ngày cài Sổ tay,Giới tính,Năm sinh,Ngày vào chi bộ", ...members.rows.map((row) => row.line)].join("\n");
  return { csv, rows: members.rows.length };
}
