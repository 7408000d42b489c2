import Link from "next/link";

export default function NotFound() {
  return (
    <main className="login-page">
      <div className="card empty" style={{ maxWidth: 480 }}>
        <h1>Không tìm thấy trang</h1>
        <p>Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc nằm ngoài phạm vi tài khoản của bạn.</p>
        <Link className="button button-secondary" href="/">Về trang chủ</Link>
      </div>
    </main>
  );
}
