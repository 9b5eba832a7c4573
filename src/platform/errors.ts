/**
 * One list of error codes, mapped to HTTP once. Pages show the French message from the
 * catalogue (key `error.<code>`), the API answers application/problem+json.
 */
export const errorStatus = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  locked: 423,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  field: string;
  /** catalogue key of the message */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  /** catalogue key of a more precise message than the code's default one */
  readonly messageKey: string | undefined;

  constructor(code: ErrorCode, options: { messageKey?: string; fields?: FieldError[]; detail?: string } = {}) {
    super(options.detail ?? options.messageKey ?? code);
    this.code = code;
    this.fields = options.fields ?? [];
    this.messageKey = options.messageKey;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const fieldError = (field: string, message: string) =>
  new AppError('validation', { fields: [{ field, message }] });
