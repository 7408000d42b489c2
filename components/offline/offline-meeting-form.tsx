"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { useRouter } from "next/navigation";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { RecordMeetingSchema } from "@/lib/meetings/schemas";
import { formFieldDetails, meetingInputFromForm } from "@/lib/meetings/meeting-form-input";
import { getQueuedMeeting, meetingKey, QUEUE_EVENT, queueMeeting, removeQueuedMeeting, type QueuedMeeting } from "@/lib/offline/store";
import { formatDateTime } from "@/lib/format/date";
import { RecordMeetingForm } from "@/components/meetings/record-meeting-form";

type Props = ComponentProps<typeof RecordMeetingForm>;

/** A failed fetch of the server action (no network), as opposed to an error the server answered. */
const isNetworkFailure = (error: unknown) => error instanceof TypeError || (typeof navigator !== "undefined" && !navigator.onLine);

/**
 * The recording form with an offline queue around it (the form itself is
 * unchanged): with no network, "Lưu" keeps the meeting in this browser and
 * says so; the app shell sends it when the network is back. A change still
 * waiting here is what the form shows, even after the tab was closed.
 */
export function OfflineMeetingForm(props: Props) {
  const { action, branchId, period, kind, members, meeting } = props;
  const key = meetingKey({ branchId, period, kind });
  const [queued, setQueued] = useState<QueuedMeeting | null | undefined>(undefined);
  const [sent, setSent] = useState(false);
  const router = useRouter();
  const wasQueued = useRef(false);

  useEffect(() => {
    const load = () =>
      getQueuedMeeting(key)
        .catch(() => undefined)
        .then((item) => {
          if (wasQueued.current && !item) {
            // Sent: the page's copy of the meeting is now older than the server's.
            setSent(true);
            router.refresh();
          }
          wasQueued.current = !!item;
          setQueued(item ?? null);
        });
    void load();
    window.addEventListener(QUEUE_EVENT, load);
    return () => window.removeEventListener(QUEUE_EVENT, load);
  }, [key, router]);

  const queue = async (data: FormData): Promise<FormState> => {
    const fields = Object.fromEntries([...data.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    const input = meetingInputFromForm(fields);
    // The server cannot check the sheet now: catch what the form can (reasons, dates) before keeping it.
    const parsed = RecordMeetingSchema.safeParse(input);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
      const mapped = formFieldDetails(details, input.attendance);
      const fieldErrors: Record<string, string[]> = {};
      for (const detail of mapped.details) if (detail.field) (fieldErrors[detail.field] ??= []).push(detail.message);
      return { status: "error", message: mapped.message ?? details[0]?.message, fieldErrors, values: fields };
    }
    const names = Object.fromEntries(members.map((member) => [member.id, member.fullName]));
    await queueMeeting({
      body: { ...parsed.data, notes: parsed.data.notes ?? null, attendance: parsed.data.attendance.map((row) => ({ ...row, reason: row.reason ?? null })), expectedVersionNo: parsed.data.expectedVersionNo ?? 0 },
      names,
    });
    setSent(false);
    return IDLE;
  };

  const offlineAware = async (state: FormState, data: FormData): Promise<FormState> => {
    if (!navigator.onLine) return queue(data);
    try {
      // Saved online: an older offline copy of the same meeting is superseded.
      if (queued) {
        wasQueued.current = false;
        await removeQueuedMeeting(key);
      }
      return await action(state, data);
    } catch (error) {
      if (isNetworkFailure(error)) return queue(data);
      throw error;
    }
  };

  // What waits in the queue is what the form shows (and the version it started from).
  const shown = queued
    ? { id: meeting?.id ?? 0, versionNo: queued.body.expectedVersionNo, heldOn: queued.body.heldOn, usedHandbook: queued.body.usedHandbook, notes: queued.body.notes, attendance: queued.body.attendance as NonNullable<Props["meeting"]>["attendance"] }
    : meeting;
  return (
    <>
      {queued ? (
        <div className={queued.state === "queued" ? "alert alert-warn queued-notice" : "alert alert-error queued-notice"} role="status">
          <strong>{queued.state === "queued" ? "Chưa gửi — sẽ gửi khi có mạng." : queued.state === "conflict" ? "Chưa gửi: cuộc họp đã được sửa trên máy chủ, xem so sánh ở đầu trang." : `Chưa gửi được: ${queued.message}`}</strong>{" "}
          <span className="small">
            Lưu trên máy này lúc {formatDateTime(queued.queuedAt)}.{queued.state === "queued" ? " Có thể đóng trang; lần sau mở ứng dụng khi có mạng, cuộc họp sẽ được gửi." : null}
          </span>
        </div>
      ) : sent ? (
        <div className="alert alert-success" role="status">
          Đã gửi cuộc họp lên máy chủ.
        </div>
      ) : null}
      <RecordMeetingForm key={queued ? queued.queuedAt : "server"} {...props} meeting={shown} action={offlineAware} />
    </>
  );
}
