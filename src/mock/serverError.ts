// Unhandled exceptions of the v291 server (BEHAVIOUR.md 1.2 #5): code that crashes in InvenTree
// throws this, and the handler layer turns it into InvenTree's 500 body.

export class SimulatedServerError extends Error {
  /**
   * @param exceptionClass Python exception class name, e.g. `TypeError`
   * @param qualifiedClass the `<class '...'>` text, e.g. `<class 'TypeError'>`
   * @param detail str(exception), shown because the demo server runs with DEBUG on
   */
  constructor(
    readonly exceptionClass: string,
    readonly detail: string,
    readonly qualifiedClass: string = exceptionClass,
  ) {
    super(`${exceptionClass}: ${detail}`);
  }
}

/** InvenTree's 500 body (DEBUG on, as the demo server in the transcripts). */
export function serverErrorBody(error: SimulatedServerError, path: string): Record<string, unknown> {
  return {
    error: error.exceptionClass,
    error_class: `<class '${error.qualifiedClass}'>`,
    detail: error.detail,
    path,
    status_code: 500,
  };
}
