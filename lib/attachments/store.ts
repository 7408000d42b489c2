import "server-only";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { localAttachmentsDir } from "./store-location";
import { GetObjectCommand, PutObjectCommand, DeleteObjectCommand, S3Client, NoSuchKey } from "@aws-sdk/client-s3";
import { attachmentsEnv } from "@/lib/env";

/** Where attachment bytes live. Keys are made by the server (newStorageKey), never from user input. */
export type AttachmentStore = {
  kind: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
};

const KEY_PATTERN = /^\d{4}\/[0-9a-f-]{36}$/;

/** "2026/3f2c…": a year folder and a random name. */
export function newStorageKey(now: Date): string {
  return `${now.getUTCFullYear()}/${randomUUID()}`;
}

function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Khóa lưu trữ không hợp lệ: ${key}`);
  return key;
}


function localStore(root: string): AttachmentStore {
  const fileOf = (key: string) => {
    const file = path.resolve(root, checkKey(key));
    // Defence in depth: the key pattern already keeps the path inside the folder.
    if (!file.startsWith(root + path.sep)) throw new Error("Đường dẫn tệp nằm ngoài thư mục lưu trữ.");
    return file;
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const partial = `${file}.part`;
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

function s3Store(): AttachmentStore {
  const settings = attachmentsEnv();
  const bucket = settings.s3Bucket!;
  const client = new S3Client({
    region: settings.s3Region || "us-east-1",
    endpoint: settings.s3Endpoint || undefined,
    // MinIO and most self-hosted stores address buckets by path, not by subdomain.
    forcePathStyle: settings.s3ForcePathStyle !== "0",
    credentials:
      settings.s3AccessKeyId && settings.s3SecretAccessKey
        ? { accessKeyId: settings.s3AccessKeyId, secretAccessKey: settings.s3SecretAccessKey }
        : undefined,
  });
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: checkKey(key), Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
        return object.Body ? await object.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
    },
  };
}

/** The store the environment selects: S3-compatible when ATTACHMENTS_S3_BUCKET is set, else the local folder. */
export function attachmentStore(): AttachmentStore {
  return attachmentsEnv().s3Bucket ? s3Store() : localStore(localAttachmentsDir());
}
