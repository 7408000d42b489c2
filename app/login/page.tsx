import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { BrandMark } from "@/components/shell/brand-mark";
import { safeCallbackUrl } from "@/lib/http/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { LoginPageParams } from "@/lib/auth/schemas";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";

export const metadata: Metadata = { title: "Đăng nhập" };

type Props = { searchParams: Promise<SearchParams> };

export default async function LoginPage({ searchParams }: Props) {
  const params = readSearchParams(await searchParams, LoginPageParams).values;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // Signed in already (a pending password change is then enforced by the page it lands on).
  if (await getSessionActor({ allowPasswordChangePending: true })) redirect(callbackUrl);
  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-head">
          <BrandMark size={44} />
          <div>
            <h1>Sổ tay đảng viên</h1>
            <p>Cổng điều hành: dự thảo nghị quyết, sinh hoạt chi bộ, thống kê</p>
          </div>
        </div>
        <div className="login-body">
          <LoginForm callbackUrl={callbackUrl} initialError={signInErrorMessage(params.error)} />
          <p className="login-foot">Quên mật khẩu? Liên hệ quản trị viên của đơn vị để được cấp lại.</p>
        </div>
      </div>
    </main>
  );
}
