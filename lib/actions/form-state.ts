// What a server action returns to its form (useActionState).
export type FormState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Echo of the submitted values, so a refused form keeps what the user typed. */
  values?: Record<string, string>;
  data?: Record<string, string | number | boolean | null>;
};

export const IDLE: FormState = { status: "idle" };
