import { AppError } from "@/lib/errors";

/** The period's editing window has closed and the board has not reopened it. */
export class PeriodLockedError extends AppError {
  constructor(message: string) {
    super("PERIOD_LOCKED", 409, message);
  }
}
