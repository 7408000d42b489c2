import "server-only";
import { createHash } from "node:crypto";
import { diffLines } from "diff";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/validation/parse";
import { issuerUnitOf, getIssuerSettings } from "./issuer";
import { documentText, renderOfficialDocument, yearOf, type OfficialDocument } from "./official-document";
import { collectDraftReviewFigures, draftReviewReportBody } from "./draft-review-report";
import { collectMeetingFigures, meetingReportBody } from "./meeting-report";
import { collectFeedbackLetterFigures, feedbackLetterBody } from "./feedback-letter";
import { DocumentRequestSchema, TYPE_CODES, type DocumentKindKey, type DocumentRequest } from "./schemas";

export type DocumentChange = { kind: "added" | "removed"; text: string };

export type GeneratedDocument = {
  kind: DocumentKindKey;
  typeCode: string;
  issuerUnitId: number;
  orgUnitId: number;
  period: string;
  draftId: number | null;
  year: number;
  number: number;
  numberLabel: string;
  title: string;
  figures: object;
  text: string;
  file: Buffer;
  sha256: string;
  fileName: string;
  /** The last issued version of the same document (kind, unit, month, draft), and what differs from it. */
  previous: { id: number; numberLabel: string; issuedAt: Date; issuedByName: string } | null;
  changes: DocumentChange[];
};

function pad(number: number): string {
  return String(number).padStart(2, "0");
}

/** The next free number of a document type for an issuer in a year. */
async function nextDocumentNumber(issuerUnitId: number, typeCode: string, year: number): Promise<number> {
  const last = await db().issuedDocument.aggregate({ where: { issuerUnitId, typeCode, year }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

async function documentContent(actor: Actor, request: DocumentRequest) {
  if (request.kind === "FEEDBACK_LETTER") {
    const figures = await collectFeedbackLetterFigures(actor, request.draftId!);
    const body = feedbackLetterBody(figures);
    return { figures, orgUnitId: figures.branch.id, period: figures.draft.period, draftId: figures.draft.id, typeName: null, ...body, slug: `cong-van-gop-y-du-thao-${figures.draft.id}` };
  }
  const unitId = request.orgUnitId ?? (await issuerUnitOf(actor)).id;
  if (request.kind === "DRAFT_REVIEW_REPORT") {
    const figures = await collectDraftReviewFigures(actor, unitId, request.period!);
    return { figures, orgUnitId: figures.unit.id, period: request.period!, draftId: null, typeName: "BÁO CÁO", addressees: [], ...draftReviewReportBody(figures), slug: `bao-cao-du-thao-${request.period}-${figures.unit.code}` };
  }
  const figures = await collectMeetingFigures(actor, unitId, request.period!);
  return { figures, orgUnitId: figures.unit.id, period: request.period!, draftId: null, typeName: "BÁO CÁO", addressees: [], ...meetingReportBody(figures), slug: `bao-cao-sinh-hoat-${request.period}-${figures.unit.code}` };
}

/**
 * A document for a unit and month (or a draft) the reader can see, as it
 * would be issued now by the reader's unit: DOCX, text, figures, proposed
 * number, and the changes since the last issued version. Nothing is stored.
 */
export async function generateDocument(actor: Actor, raw: unknown): Promise<GeneratedDocument> {
  assertCan(actor, "document.generate");
  const request = parseInput(DocumentRequestSchema, raw, "Yêu cầu văn bản chưa hợp lệ.");
  const content = await documentContent(actor, request);
  const issuerUnit = await issuerUnitOf(actor);
  const issuer = await getIssuerSettings(issuerUnit.id);
  const issuedOn = now();
  const year = yearOf(issuedOn);
  const typeCode = TYPE_CODES[request.kind];
  const number = request.number ?? (await nextDocumentNumber(issuerUnit.id, typeCode, year));
  const numberLabel = `${pad(number)}-${typeCode}/${issuer.symbol}`;
  const doc: OfficialDocument = {
    issuer,
    numberLabel,
    issuedOn,
    typeName: content.typeName,
    summary: content.summary,
    addressees: content.addressees,
    blocks: content.blocks,
    recipients: [...content.addressees, ...issuer.recipients],
  };
  const [file, previous] = await Promise.all([
    renderOfficialDocument(doc),
    db().issuedDocument.findFirst({
      where: { kind: request.kind, orgUnitId: content.orgUnitId, period: content.period, draftId: content.draftId },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      select: { id: true, numberLabel: true, issuedAt: true, issuedByName: true, text: true },
    }),
  ]);
  const text = documentText(doc);
  return {
    kind: request.kind,
    typeCode,
    issuerUnitId: issuerUnit.id,
    orgUnitId: content.orgUnitId,
    period: content.period,
    draftId: content.draftId,
    year,
    number,
    numberLabel,
    title: content.typeName ? `${content.typeName[0]}${content.typeName.slice(1).toLocaleLowerCase("vi-VN")} ${content.summary}` : `Công văn ${content.summary}`,
    figures: content.figures,
    text,
    file,
    sha256: createHash("sha256").update(file).digest("hex"),
    fileName: `${content.slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}.docx`,
    previous: previous ? { id: previous.id, numberLabel: previous.numberLabel, issuedAt: previous.issuedAt, issuedByName: previous.issuedByName } : null,
    changes: previous ? changedLines(previous.text, text) : [],
  };
}

/** Lines added and removed since the issued text (unchanged lines left out). */
function changedLines(before: string, after: string): DocumentChange[] {
  const changes: DocumentChange[] = [];
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) continue;
    for (const lineText of part.value.split("\n").filter((value) => value.length)) changes.push({ kind: part.added ? "added" : "removed", text: lineText });
  }
  return changes;
}
