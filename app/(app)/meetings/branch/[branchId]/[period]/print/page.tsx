import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, pathPeriod, readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { MeetingKindPageParams } from "@/lib/meetings/schemas";
import { getPrintableSheet } from "@/lib/meetings/printable-sheet";
import { qrCodeDataUrl } from "@/lib/meetings/meeting-sheet-link";
import { isLoopbackUrl } from "@/lib/http/public-url";
import { ATTENDANCE_STATUS_LABELS, MEETING_KIND_LABELS } from "@/lib/meetings/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { PrintButton } from "@/components/meetings/print-button";

export const metadata = { title: "Phiếu sinh hoạt chi bộ" };

type Props = { params: Promise<{ branchId: string; period: string }>; searchParams: Promise<SearchParams> };

export default async function PrintableSheetPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read") || !can(actor.role, "member.read")) return <ForbiddenPage message="Phiếu có tên đảng viên: chỉ chi bộ, Đảng ủy phường và Ban Tổ chức in được." />;
  const path = await params;
  const branchId = pathId(path.branchId);
  const period = pathPeriod(path.period);
  const { kind } = readSearchParams(await searchParams, MeetingKindPageParams).values;
  const sheet = await getPrintableSheet(actor, branchId, period, kind).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const link = sheet.draftsLink;
  const qr = await qrCodeDataUrl(link);
  const recorded = sheet.meeting !== null;
  return (
    <article className="print-sheet">
      <div className="no-print actions-row print-actions">
        <PrintButton />
        <span className="small muted">Khổ A4 dọc. Mã QR mở dự thảo nghị quyết và tài liệu của kỳ này.</span>
      </div>
      {isLoopbackUrl(link) ? (
        <div className="no-print alert alert-warn">
          Mã QR đang dẫn tới địa chỉ nội bộ của máy chủ ({new URL(link).host}), điện thoại của đảng viên không mở được. Quản trị viên cần đặt địa chỉ công khai (PUBLIC_URL).
        </div>
      ) : null}
      <header className="print-head">
        <div>
          <div className="print-org">{sheet.parentName ? `ĐẢNG BỘ ${sheet.parentName.toUpperCase()}` : ""}</div>
          <div className="print-org">
            <strong>{sheet.branch.name.toUpperCase()}</strong>
          </div>
        </div>
        <div className="print-motto">
          <strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong>
        </div>
      </header>
      <h1 className="print-title">
        PHIẾU {recorded ? "ĐIỂM DANH" : "KÝ DỰ"} {MEETING_KIND_LABELS[kind].toUpperCase()}
        <br />
        <span>{formatPeriod(period)}</span>
      </h1>
      <div className="print-meta">
        <dl className="facts">
          <dt>Ngày họp</dt>
          <dd>{recorded ? formatDate(sheet.meeting!.heldOn) : "....../....../.........."}</dd>
          <dt>Số đảng viên phải dự</dt>
          <dd>
            {formatNumber(sheet.rows.length)}
            {sheet.exempt.length ? ` (không kể ${formatNumber(sheet.exempt.length)} đồng chí miễn sinh hoạt)` : ""}
          </dd>
          {recorded ? (
            <>
              <dt>Có mặt</dt>
              <dd>
                {formatNumber(sheet.meeting!.present)}/{formatNumber(sheet.meeting!.expected)}
              </dd>
            </>
          ) : null}
        </dl>
        <figure className="print-qr">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={qr} alt={`Mã QR: ${link}`} width={132} height={132} />
          <figcaption>
            Quét để xem dự thảo nghị quyết và tài liệu
            <br />
            <span className="mono small">{link}</span>
          </figcaption>
        </figure>
      </div>
      <table className="print-table">
        <thead>
          <tr>
            <th className="num">TT</th>
            <th>Họ và tên</th>
            <th>{recorded ? "Điểm danh" : "Ký tên"}</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, i) => (
            <tr key={row.id}>
              <td className="num">{i + 1}</td>
              <td>{row.fullName}</td>
              <td>{row.status ? ATTENDANCE_STATUS_LABELS[row.status] : ""}</td>
              <td>{row.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.exempt.length ? <p className="small">Miễn sinh hoạt (không tính): {sheet.exempt.join(", ")}.</p> : null}
      {sheet.meeting?.documents.length ? (
        <section>
          <h2 className="print-h2">Tài liệu đã gửi trước cuộc họp</h2>
          <ol>
            {sheet.meeting.documents.map((doc) => (
              <li key={`${doc.title}-${doc.sentOn}`}>
                {doc.title} (gửi {formatDate(doc.sentOn)})
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <footer className="print-sign">
        <div>
          <strong>THƯ KÝ</strong>
        </div>
        <div>
          <strong>T/M CHI BỘ</strong>
          <br />
          BÍ THƯ
        </div>
      </footer>
    </article>
  );
}
