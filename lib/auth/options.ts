import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { revokeSession, SESSION_HOURS, signInWithPassword } from "./sign-in";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_NAME, deviceCookieFrom } from "./device-cookie";
import { clientAddress, userAgentOf } from "@/lib/http/client-address";
import { isStorableText } from "@/lib/validation/storable-text";
import { nextAuthSecret, nextAuthUrl } from "@/lib/env";

// JWT sessions (the only kind next-auth 4 allows with credentials) carry just
// an AuthSession id; lib/auth/session.ts checks it in the database on every
// request, so signing out and disabling a user take effect immediately.
export const authOptions: NextAuthOptions = {
  secret: nextAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Tài khoản",
      credentials: {
        username: { label: "Tên đăng nhập", type: "text" },
        password: { label: "Mật khẩu", type: "password" },
      },
      async authorize(credentials, request) {
        const headers = (request?.headers ?? {}) as Record<string, string>;
        // No account name holds a NUL or a lone surrogate, and PostgreSQL could not even look one up.
        if (!isStorableText(String(credentials?.username ?? ""))) return null;
        const result = await signInWithPassword({
          username: String(credentials?.username ?? ""),
          password: String(credentials?.password ?? ""),
          ip: clientAddress(headers),
          userAgent: userAgentOf(headers),
          deviceCookie: deviceCookieFrom(headers.cookie),
        });
        // A code, not text: the sign-in page maps codes to its own messages (lib/auth/sign-in-messages.ts).
        if (!result.ok) throw new Error(result.code);
        if (result.deviceCookie) {
          (await cookies()).set(DEVICE_COOKIE_NAME, result.deviceCookie, {
            httpOnly: true,
            sameSite: "lax",
            secure: nextAuthUrl()?.startsWith("https://") ?? false,
            path: "/",
            maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
          });
        }
        return { id: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sid = user.id;
      return token;
    },
    async session({ session, token }) {
      return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (token && typeof token.sid === "string") await revokeSession(token.sid);
    },
  },
};
