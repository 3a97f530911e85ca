/** Days a finished session's address and browser are kept (refresh tokens), for looking into an incident. */
export const SESSION_TRACE_DAYS = 30;
