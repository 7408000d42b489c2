import { MEMBER_STATUS_LABELS } from "@/lib/members/member-labels";
import { formatDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { BranchMemberRow } from "@/lib/members/list-branch-members";

const STATUS_TONES: Record<BranchMemberRow["status"], BadgeTone> = { ACTIVE: "ok", EXEMPT: "info", TRANSFERRED_OUT: "neutral", DECEASED: "neutral" };

export function MembersTable({ members }: { members: BranchMemberRow[] }) {
  const current = members.filter((member) => member.status === "ACTIVE" || member.status === "EXEMPT").length;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {formatNumber(current)} đảng viên hiện sinh hoạt tại chi bộ · {formatNumber(members.length - current)} đã chuyển đi hoặc từ trần
        </caption>
        <thead>
          <tr>
            <th className="hide-sm">#</th>
            <th>Họ và tên</th>
            <th className="hide-sm">Mã</th>
            <th>Tình trạng</th>
            <th>Sổ tay điện tử</th>
            <th className="hide-sm">Sinh hoạt tại chi bộ từ</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member, i) => (
            <tr key={member.id}>
              <td className="num muted hide-sm">{i + 1}</td>
              <td className="cell-name">{member.fullName}</td>
              <td className="mono nowrap hide-sm">{member.code}</td>
              <td>
                <Badge tone={STATUS_TONES[member.status]}>{MEMBER_STATUS_LABELS[member.status]}</Badge>
                {member.leftBranchOn ? <div className="small muted">từ {formatDate(member.leftBranchOn)}</div> : null}
              </td>
              <td>
                {member.handbookInstalledAt ? (
                  <span>Đã cài {formatDate(member.handbookInstalledAt)}</span>
                ) : (
                  <span className="muted">Chưa cài</span>
                )}
                {!member.eligibleForHandbook ? <div className="small muted">Không thuộc diện bắt buộc</div> : null}
              </td>
              <td className="nowrap hide-sm">{formatDate(member.joinedBranchOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
