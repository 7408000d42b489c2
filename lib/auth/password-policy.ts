// Limits a form can check before submitting; the server re-checks them and
// the common-password list (lib/auth/password.ts).
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
