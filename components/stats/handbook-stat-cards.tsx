import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { rateTone, type HandbookFigures, type Thresholds } from "@/lib/stats/handbook-figures";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { eligibleRateNote, HANDBOOK_USE } from "@/lib/stats/usage-definitions";

type Props = { figures: HandbookFigures; level: OrgLevel; thresholds: Thresholds };

/** The headline figures of a unit: installs, installs among those required, use in meetings, posts. */
export function HandbookStatCards({ figures, level, thresholds }: Props) {
  const isBranch = level === "BRANCH";
  return (
    <div className="grid grid-stats stats-cards">
      <Stat
        label="Đảng viên đã cài Sổ tay"
        value={<span className={`stats-tone-${rateTone(figures.installRate, thresholds)}`}>{formatPercent(figures.installRate)}</span>}
        note={`${formatNumber(figures.membersInstalled)} / ${formatNumber(figures.membersTotal)} đảng viên`}
        accent
      />
      <Stat
        label="So với số thuộc diện cài"
        value={formatPercent(figures.eligibleInstallRate, 2)}
        note={`${formatNumber(figures.membersInstalled)} / ${formatNumber(figures.membersEligible)} thuộc diện${eligibleRateNote(figures.eligibleInstallRate) ? ` · ${eligibleRateNote(figures.eligibleInstallRate)}` : ""}`}
        accent
      />
      {isBranch ? (
        <Stat
          label="Báo dùng Sổ tay trong sinh hoạt"
          value={figures.branchesUsingInMeetings ? <Badge tone="ok">Có</Badge> : <Badge tone="bad">Chưa</Badge>}
          note={figures.branchesReporting ? `Theo báo cáo sử dụng Sổ tay mới nhất của tháng` : "Chi bộ chưa báo cáo trong tháng"}
          accent
        />
      ) : (
        <Stat
          label={HANDBOOK_USE.reported.label}
          value={<span className={`stats-tone-${rateTone(figures.meetingUsageRate, thresholds)}`}>{formatNumber(figures.branchesUsingInMeetings)}</span>}
          note={`/ ${formatNumber(figures.branchesTotal)} chi bộ (${formatPercent(figures.meetingUsageRate)}) · ${HANDBOOK_USE.reported.source} · ${formatNumber(figures.branchesReporting)} chi bộ có báo cáo`}
          accent
        />
      )}
      <Stat
        label="Đăng trên Sổ tay trong tháng"
        value={
          <span className="stats-pair">
            <span>
              {formatNumber(figures.newsPosts)} <small>tin bài</small>
            </span>
            <span>
              {formatNumber(figures.documents)} <small>văn bản</small>
            </span>
          </span>
        }
        accent
      />
    </div>
  );
}
