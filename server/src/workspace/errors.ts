// One line for the log about something that went wrong: an error's message, or with `stack` its
// stack (for failures of the server's own code, where the place matters).
export function describeError(error: unknown, options: { stack?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error);
  return options.stack ? (error.stack ?? error.message) : error.message;
}
