import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { revokeSession, SESSION_HOURS, signInWithPassword } from "./sign-in";
import { clientAddress, userAgentOf } from "@/lib/http/client-address";
import { isStorableText } from "@/lib/validation/parse";

// JWT sessions (the only kind next-auth 4 allows with credentials) carry just
// an AuthSession id; lib/auth/session.ts checks it in the database on every
// request, so signing out and disabling a user take effect immediately.
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
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
        });
        if (!result.ok) throw new Error(result.message);
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
