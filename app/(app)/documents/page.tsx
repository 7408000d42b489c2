import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { AppError, NotFoundError } from "@/lib/errors";
import { addMonths, currentPeriod, periodsBetween } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { listChildUnitNames } from "@/lib/org/org-units";
import { generateDocument } from "@/lib/documents/generate-document";
import { listIssuedDocuments } from "@/lib/documents/issued-documents";
import { issuerUnitOf } from "@/lib/documents/issuer";
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, DocumentsPageParams, type DocumentKindKey } from "@/lib/documents/schemas";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { withQuery } from "@/components/ui/pagination";
import { IssueForm } from "@/components/documents/issue-form";
import { issueDocumentAction } from "./actions";

export const metadata = { title: "Văn bản" };

type Props = { searchParams: Promise<SearchParams> };

/** Reports and feedback letters: preview as DOCX, what changed since the issued version, issue; the unit's issued documents. */
export default async function DocumentsPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "document.generate")) return <ForbiddenPage />;
  const { values: query, invalid } = readSearchParams(await searchParams, DocumentsPageParams);
  const root = await issuerUnitOf(actor);
  const kind: DocumentKindKey = query.kind ?? "DRAFT_REVIEW_REPORT";
  const latest = currentPeriod();
  const period = query.period ?? addMonths(latest, -1);
  const unitId = query.unit ?? root.id;
  const units = root.level === "BRANCH" ? [] : await listChildUnitNames(actor, root.id);
  const request: Record<string, string> = kind === "FEEDBACK_LETTER" ? { kind, draftId: query.draft ?? "" } : { kind, orgUnitId: String(unitId), period };

  let preview: Awaited<ReturnType<typeof generateDocument>> | null = null;
  let problem: string | null = null;
  // A kind in the address asks for a preview, an unknown one of the default kind.
  if (query.kind || invalid.includes("kind")) {
    preview = await generateDocument(actor, request).catch((error) => {
      if (error instanceof NotFoundError) notFound();
      if (error instanceof AppError) {
        problem = error.details.map((detail) => detail.message).join(" ") || error.message;
        return null;
      }
      throw error;
    });
  }
  const issued = await listIssuedDocuments(actor, { orgUnitId: preview?.orgUnitId ?? (kind === "FEEDBACK_LETTER" ? root.id : unitId) }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const mayIssue = can(actor.role, "document.issue");

  return (
    <>
      <PageHeader
        title="Văn bản"
        description="Báo cáo tháng và công văn góp ý theo thể thức văn bản của Đảng, tải về dạng Word (DOCX)."
        actions={mayIssue ? <Link className="button button-secondary" href="/documents/issuer">Cơ quan ban hành</Link> : null}
      />
      <form className="filters" method="get">
        <div className="field">
          <label htmlFor="d-kind">Loại văn bản</label>
          <select id="d-kind" name="kind" defaultValue={kind}>
            {DOCUMENT_KINDS.map((value) => (
              <option key={value} value={value}>{DOCUMENT_KIND_LABELS[value]}</option>
            ))}
          </select>
        </div>
        {units.length ? (
          <div className="field">
            <label htmlFor="d-unit">Đơn vị (báo cáo)</label>
            <select id="d-unit" name="unit" defaultValue={String(unitId)}>
              {[root, ...units.filter((unit) => unit.id !== root.id)].map((unit) => (
                <option key={unit.id} value={unit.id}>{unit.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field field-narrow">
          <label htmlFor="d-period">Tháng (báo cáo)</label>
          <select id="d-period" name="period" defaultValue={period}>
            {periodsBetween(addMonths(latest, -23), addMonths(latest, 1))
              .reverse()
              .map((candidate) => (
                <option key={candidate} value={candidate}>{formatPeriod(candidate)}</option>
              ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor="d-draft">Mã dự thảo (công văn)</label>
          <input id="d-draft" name="draft" type="text" inputMode="numeric" defaultValue={query.draft ?? ""} />
        </div>
        <button className="button button-secondary" type="submit">Xem trước</button>
      </form>

      {problem ? <div className="alert alert-error" role="alert">{problem}</div> : null}
      {preview ? (
        <section className="card section" aria-labelledby="preview-title">
          <div className="card-header">
            <h2 id="preview-title">{preview.title}</h2>
            <a className="button" href={withQuery("/api/v1/documents/generate", request)} download>Tải bản xem trước (DOCX)</a>
          </div>
          <dl className="facts">
            <dt>Số đề xuất</dt>
            <dd>Số {preview.numberLabel}</dd>
            <dt>Bản đã ban hành gần nhất</dt>
            <dd>{preview.previous ? `Số ${preview.previous.numberLabel}, ${formatDateTime(preview.previous.issuedAt)}, ${preview.previous.issuedByName}` : "Chưa ban hành"}</dd>
          </dl>
          {preview.previous ? (
            <div className="section">
              <h3>Thay đổi so với bản đã ban hành</h3>
              {preview.changes.length ? (
                <ul className="plain-list diff">
                  {preview.changes.map((change, index) => (
                    <li key={index}>{change.kind === "added" ? <ins>+ {change.text}</ins> : <del>− {change.text}</del>}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Không có thay đổi về nội dung và số liệu.</p>
              )}
            </div>
          ) : null}
          {mayIssue ? (
            <div className="section">
              <IssueForm action={issueDocumentAction} request={request} proposedNumber={preview.number} numberSuffix={preview.numberLabel.replace(/^\d+/, "")} />
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="issued-title">
        <h2 id="issued-title">Văn bản đã ban hành</h2>
        {issued.length ? (
          <div className="table-wrap">
            <table className="compact-table">
              <thead>
                <tr>
                  <th>Số</th>
                  <th>Trích yếu</th>
                  <th>Kỳ</th>
                  <th>Người ban hành</th>
                  <th>Thời điểm</th>
                  <th>Tệp</th>
                </tr>
              </thead>
              <tbody>
                {issued.map((doc) => (
                  <tr key={doc.id}>
                    <td className="nowrap">{doc.numberLabel}</td>
                    <td>{doc.title}</td>
                    <td className="nowrap">{formatPeriod(doc.period)}</td>
                    <td>{doc.issuedByName}</td>
                    <td className="nowrap">{formatDateTime(doc.issuedAt)}</td>
                    <td><a href={`/api/v1/documents/${doc.id}/file`} download>Tải DOCX</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">Chưa có văn bản nào được ban hành cho đơn vị này.</p>
        )}
      </section>
    </>
  );
}
