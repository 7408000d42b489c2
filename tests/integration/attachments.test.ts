import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { Document, Packer, Paragraph } from "docx";
import { Resvg } from "@resvg/resvg-js";
import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod } from "../support/drafts-factories";
import { attendance, on } from "../support/meetings-factories";
import { addAttachment, cleanFileName, getAttachmentFile, listAttachments } from "@/lib/attachments/attachments";
import { attachmentStore } from "@/lib/attachments/store";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { ConflictError, ForbiddenError, NotFoundError, PayloadTooLargeError, ValidationError } from "@/lib/errors";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const PNG = Buffer.from(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="red"/></svg>').render().asPng());
const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "attachments-"));
  process.env.ATTACHMENTS_DIR = dir;
});
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  await closeTestDb();
});

function storedFiles(): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function approvedDraft() {
  const setup = await createDraftsSetup("Đính kèm");
  const { id } = await submitDraftVersion(setup.secretaryActor, { period: openPeriod(), body: groundedDraft(setup.branches[0].name) });
  return { ...setup, draftId: id };
}

async function approve(setup: Awaited<ReturnType<typeof approvedDraft>>) {
  await submitDraftReview(setup.reviewerActor, setup.draftId, { decision: "APPROVED", summary: "Đạt.", expectedVersionNo: 1 });
}

describe("attachments in the local folder", () => {
  it("round-trips the four accepted types, typed by content, named safely, read only through the record's scope", async () => {
    const own = await approvedDraft();
    const other = await approvedDraft();
    // Only an approved draft takes its signed resolution.
    await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "nq.pdf", bytes: PDF })).rejects.toBeInstanceOf(ConflictError);
    await approve(own);

    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Nghị quyết đã ký")] }] }));
    const uploads = [
      { name: "nghi-quyet-da-ky.pdf", bytes: PDF, type: "application/pdf", stored: "nghi-quyet-da-ky.pdf" },
      { name: "ảnh chụp.JPG", bytes: JPEG, type: "image/jpeg", stored: "ảnh chụp.jpg" },
      // A PNG named .pdf is kept as what it is.
      { name: "quet.pdf", bytes: PNG, type: "image/png", stored: "quet.png" },
      { name: "ban-word", bytes: docx, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", stored: "ban-word.docx" },
      // Path tricks in the name change nothing but the shown name.
      { name: "../../../etc/passwd.pdf", bytes: PDF, type: "application/pdf", stored: "passwd.pdf" },
      { name: "..\\..\\boot.ini.pdf", bytes: PDF, type: "application/pdf", stored: "boot.ini.pdf" },
    ];
    const ids: number[] = [];
    for (const upload of uploads) {
      const added = await addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: String(own.draftId) }, { name: upload.name, bytes: upload.bytes });
      expect(added).toMatchObject({ contentType: upload.type, fileName: upload.stored, size: upload.bytes.byteLength });
      ids.push(added.id);
      const { attachment, bytes } = await getAttachmentFile(own.wardActor, added.id);
      expect(Buffer.from(bytes).equals(upload.bytes)).toBe(true);
      expect(attachment.contentType).toBe(upload.type);
    }
    // Every byte stays inside the folder, under keys the server chose.
    const files = storedFiles();
    expect(files).toHaveLength(uploads.length);
    for (const file of files) expect(path.relative(dir, file)).toMatch(/^\d{4}\/[0-9a-f-]{36}$/);
    expect(fs.existsSync("/etc/passwd.pdf")).toBe(false);
    await expect(attachmentStore().get("../../etc/passwd")).rejects.toThrow("Khóa lưu trữ không hợp lệ");

    expect((await listAttachments(own.leaderActor, { draftId: own.draftId })).map((row) => row.id)).toEqual(ids);
    // Another ward, another branch of the same ward: not found.
    for (const outsider of [other.wardActor, other.secretaryActor, own.secretary2Actor]) {
      await expect(getAttachmentFile(outsider, ids[0])).rejects.toBeInstanceOf(NotFoundError);
      await expect(listAttachments(outsider, { draftId: own.draftId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addAttachment(outsider, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "x.pdf", bytes: PDF })).rejects.toBeInstanceOf(outsider === other.wardActor ? ForbiddenError : NotFoundError);
    }
    await expect(getAttachmentFile(own.wardActor, 2_147_483_647)).rejects.toBeInstanceOf(NotFoundError);
    // The ward reads but does not upload the branch's resolution.
    await expect(addAttachment(own.wardActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "x.pdf", bytes: PDF })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a wrong type, an empty or oversized file, and a missing record, writing nothing", async () => {
    const own = await approvedDraft();
    await approve(own);
    const before = storedFiles().length;
    const count = () => testDb().attachment.count({ where: { draftId: own.draftId } });
    for (const bytes of [HTML, Buffer.from("MZ\x90\x00 not a document"), Buffer.from("PK\x03\x04 a zip that is not a document")]) {
      await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "nghi-quyet.pdf", bytes })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "rong.pdf", bytes: Buffer.alloc(0) })).rejects.toBeInstanceOf(ValidationError);
    await testDb().appSetting.upsert({ where: { key: "attachments.maxMegabytes" }, create: { key: "attachments.maxMegabytes", value: 1 }, update: { value: 1 } });
    try {
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
      await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "lon.pdf", bytes: big })).rejects.toBeInstanceOf(PayloadTooLargeError);
    } finally {
      await testDb().appSetting.delete({ where: { key: "attachments.maxMegabytes" } });
    }
    await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION" }, { name: "x.pdf", bytes: PDF })).rejects.toBeInstanceOf(ValidationError);
    await expect(addAttachment(own.secretaryActor, { kind: "SOMETHING", draftId: own.draftId }, { name: "x.pdf", bytes: PDF })).rejects.toBeInstanceOf(ValidationError);
    await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: 2_147_483_647 }, { name: "x.pdf", bytes: PDF })).rejects.toBeInstanceOf(NotFoundError);
    expect(await count()).toBe(0);
    expect(storedFiles().length).toBe(before);
  });

  it("attaches minutes and documents to a meeting, for the branch's secretary only", async () => {
    const w = await approvedDraft();
    const other = await approvedDraft();
    const members = await testDb().member.findMany({ where: { branchId: w.branches[0].id }, orderBy: { code: "asc" } });
    const meeting = (await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members) }, { now: on("2026-10-20") })).meeting.id;
    const minutes = await addAttachment(w.secretaryActor, { kind: "MEETING_MINUTES", meetingId: meeting }, { name: "bien-ban.png", bytes: PNG });
    await addAttachment(w.secretaryActor, { kind: "MEETING_DOCUMENT", meetingId: meeting }, { name: "tai-lieu.pdf", bytes: PDF });
    expect((await listAttachments(w.wardActor, { meetingId: meeting })).map((row) => row.kind)).toEqual(["MEETING_MINUTES", "MEETING_DOCUMENT"]);
    await expect(addAttachment(w.secretary2Actor, { kind: "MEETING_MINUTES", meetingId: meeting }, { name: "x.png", bytes: PNG })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addAttachment(w.wardActor, { kind: "MEETING_MINUTES", meetingId: meeting }, { name: "x.png", bytes: PNG })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAttachmentFile(other.wardActor, minutes.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAttachments(other.secretaryActor, { meetingId: meeting })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("attachments in an S3-compatible store (s3rver)", () => {
  let server: S3rver;
  let s3dir: string;
  beforeAll(async () => {
    s3dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: "so-tay-attachments" }] });
    const { port } = await server.run();
    Object.assign(process.env, {
      ATTACHMENTS_S3_BUCKET: "so-tay-attachments",
      ATTACHMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      ATTACHMENTS_S3_ACCESS_KEY_ID: "S3RVER",
      ATTACHMENTS_S3_SECRET_ACCESS_KEY: "S3RVER",
    });
  });
  afterAll(async () => {
    for (const key of ["ATTACHMENTS_S3_BUCKET", "ATTACHMENTS_S3_ENDPOINT", "ATTACHMENTS_S3_ACCESS_KEY_ID", "ATTACHMENTS_S3_SECRET_ACCESS_KEY"]) delete process.env[key];
    await server.close();
    fs.rmSync(s3dir, { recursive: true, force: true });
  });

  it("stores and serves the bytes through the S3 API, with the same checks", async () => {
    const own = await approvedDraft();
    await approve(own);
    const local = storedFiles().length;
    const added = await addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "nq.pdf", bytes: PDF });
    expect(storedFiles().length).toBe(local);
    const row = await testDb().attachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(attachmentStore().kind).toBe("s3");
    expect(Buffer.from((await attachmentStore().get(row.storageKey))!).equals(PDF)).toBe(true);
    const { bytes } = await getAttachmentFile(own.wardActor, added.id);
    expect(Buffer.from(bytes).equals(PDF)).toBe(true);
    await expect(addAttachment(own.secretaryActor, { kind: "SIGNED_RESOLUTION", draftId: own.draftId }, { name: "x.pdf", bytes: HTML })).rejects.toBeInstanceOf(ValidationError);
    const other = await createDraftsSetup("Đính kèm S3 khác");
    await expect(getAttachmentFile(other.wardActor, added.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("file names", () => {
  it("keeps no folders, no control characters, and the sniffed extension", () => {
    expect(cleanFileName("../../a/b/c.exe", "pdf")).toBe("c.pdf");
    expect(cleanFileName("..", "png")).toBe("tep-dinh-kem.png");
    expect(cleanFileName("bien\u0000ban\r\n.html", "pdf")).toBe("bienban.pdf");
    expect(cleanFileName(".htaccess", "pdf")).toBe("tep-dinh-kem.pdf");
  });
});
