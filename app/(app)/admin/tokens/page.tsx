import { requireSessionActor } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { listApiTokens } from "@/lib/tokens/api-tokens";
import { listAssignableUnits } from "@/lib/users/users";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { IssueTokenForm, RevokeTokenButton, type TokenUnit } from "@/components/admin/token-forms";
import { issueTokenAction, revokeTokenAction } from "./actions";

export const metadata = { title: "Mã truy cập API" };

/** Units to pick, with the parent's name (branches of different wards share names such as "Tổ dân phố số 12"). */
function tokenUnits(units: { id: number; code: string; name: string; level: string; path: string }[]): TokenUnit[] {
  const byPath = new Map(units.map((unit) => [unit.path, unit.name]));
  return units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name, level: unit.level as TokenUnit["level"], parentName: byPath.get(unit.path.replace(/\d+\/$/, "")) ?? null }));
}

export default async function TokensPage() {
  const actor = await requireSessionActor();
  if (!can(actor.role, "token.manage")) return <ForbiddenPage />;
  const [tokens, units] = await Promise.all([listApiTokens(actor), listAssignableUnits(actor)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Mã truy cập API" description="Cho ứng dụng Sổ tay đảng viên và hệ thống của Thành ủy gọi /api/v1 thay mặt một đơn vị. Mô tả API: /api/v1/openapi.json" />
      <div className="grid grid-2">
        <section className="card">
          <h2>Cấp mã mới</h2>
          <IssueTokenForm action={issueTokenAction} units={tokenUnits(units)} />
        </section>
        <section className="card">
          <h2>Cách dùng</h2>
          <p>Gửi kèm mỗi yêu cầu:</p>
          <pre className="mono small" style={{ whiteSpace: "pre-wrap", background: "var(--bg)", padding: 12, borderRadius: 8 }}>Authorization: Bearer stdv_…</pre>
          <p className="small muted">Mã có cùng phạm vi và quyền như một người dùng có vai trò đó tại đơn vị đã chọn. Hệ thống chỉ lưu bản băm SHA-256 của mã; mất mã thì thu hồi và cấp mã mới.</p>
        </section>
      </div>
      <section className="section">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Tên</th>
                <th>Tiền tố</th>
                <th>Đơn vị</th>
                <th>Vai trò</th>
                <th>Hết hạn</th>
                <th>Dùng gần nhất</th>
                <th>Trạng thái</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {tokens.length === 0 ? (
                <tr>
                  <td colSpan={8} className="empty">Chưa cấp mã truy cập nào.</td>
                </tr>
              ) : (
                tokens.map((token) => {
                  const expired = !!token.expiresAt && token.expiresAt <= now;
                  return (
                    <tr key={token.id}>
                      <td>{token.name}<div className="small muted">cấp bởi {token.createdBy.username}, {formatDate(token.createdAt)}</div></td>
                      <td className="mono">{token.tokenPrefix}…</td>
                      <td>{token.orgUnit.name}</td>
                      <td className="nowrap">{ROLE_LABELS[token.role]}</td>
                      <td className="nowrap">{token.expiresAt ? formatDate(token.expiresAt) : "Không hết hạn"}</td>
                      <td className="nowrap">{formatDateTime(token.lastUsedAt)}</td>
                      <td>{token.revokedAt ? <Badge>Đã thu hồi</Badge> : expired ? <Badge tone="warn">Hết hạn</Badge> : <Badge tone="ok">Hiệu lực</Badge>}</td>
                      <td>{!token.revokedAt ? <RevokeTokenButton action={revokeTokenAction} tokenId={token.id} name={token.name} /> : null}</td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
