import Link from "next/link";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import type { OrgCounts, OrgUnitSummary } from "@/lib/org/org-units";
import { childUnitsLabel } from "@/lib/org/labels";
import { formatNumber } from "@/lib/format/number";

type Props = { parentLevel: OrgLevel; units: (OrgUnitSummary & { counts: OrgCounts })[] };

export function ChildUnitsTable({ parentLevel, units }: Props) {
  const showBranches = parentLevel !== "WARD";
  const childLabel = childUnitsLabel(parentLevel, units.map((unit) => unit.level));
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {formatNumber(units.length)} {childLabel.toLowerCase()}
        </caption>
        <thead>
          <tr>
            <th>{childLabel}</th>
            <th className="hide-sm">Mã</th>
            {showBranches ? <th className="num">Chi bộ</th> : null}
            <th className="num">Đảng viên</th>
            <th className="num hide-sm">Thuộc diện sinh hoạt</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td className="cell-name">
                <Link href={`/org/${unit.id}`}>{unit.name}</Link>
              </td>
              <td className="mono nowrap hide-sm">{unit.code}</td>
              {showBranches ? <td className="num">{formatNumber(unit.counts.branches)}</td> : null}
              <td className="num">{formatNumber(unit.counts.members)}</td>
              <td className="num hide-sm">{formatNumber(unit.counts.membersExpected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
