"use client";

export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card empty" role="alert">
      <h1>Đã có lỗi khi tải trang</h1>
      <p>Sự cố đã được ghi lại. Bạn có thể thử lại; nếu lỗi lặp lại, hãy báo quản trị viên.</p>
      <button className="button button-secondary" type="button" onClick={() => reset()}>Thử lại</button>
    </div>
  );
}
