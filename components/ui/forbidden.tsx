import Link from "next/link";

export function ForbiddenPage({ message = "Tài khoản của bạn không có quyền xem trang này." }: { message?: string }) {
  return (
    <div className="card empty" role="alert">
      <h1>Không có quyền truy cập</h1>
      <p>{message}</p>
      <Link className="button button-secondary" href="/">Về trang chủ</Link>
    </div>
  );
}
