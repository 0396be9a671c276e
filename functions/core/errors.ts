import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The error catalogue. Every failure a client can see has a stable snake_case code, an HTTP
 * status and a default message; `hint` says what to do about it. Mapped to HTTP only in
 * `http/errors.ts`.
 */
export const ERRORS = {
  bad_request: { status: 400, message: 'The request is not valid.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  validation_failed: { status: 400, message: 'Some fields are not valid.' },
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  forbidden: { status: 403, message: 'You do not have access to this resource.' },
  csrf_failed: { status: 403, message: 'The request is missing a valid CSRF token.' },
  not_found: { status: 404, message: 'Nothing was found at this address.' },
  route_not_found: { status: 404, message: 'There is no such endpoint.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  already_exists: { status: 409, message: 'It already exists.' },
  conflict: { status: 409, message: 'The resource changed while you were editing it.' },
  precondition_failed: { status: 409, message: 'The document changed since it was read.' },
  out_of_stock: { status: 409, message: 'Not enough stock.' },
  invalid_transition: { status: 409, message: 'This change of status is not allowed.' },
  unknown_sku: { status: 422, message: 'A product in the cart does not exist.' },
  product_unavailable: { status: 409, message: 'A product in the cart is not for sale now.' },
  below_minimum_order: { status: 422, message: 'The order is below the shop minimum.' },
  fulfilment_unavailable: {
    status: 422,
    message: 'This delivery or pickup option is not available.',
  },
  payment_method_unavailable: {
    status: 422,
    message: 'This shop does not take that payment method.',
  },
  invalid_signature: { status: 400, message: 'The webhook signature is not valid.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  rate_limited: { status: 429, message: 'Too many requests. Wait a moment and try again.' },
  contention: { status: 503, message: 'The store is busy. Try again.' },
  upstream_unavailable: { status: 503, message: 'A service we depend on is unavailable.' },
  odoo_auth_failed: { status: 422, message: 'Odoo refused the login and API key.' },
  odoo_access_error: { status: 422, message: 'The Odoo user may not access these records.' },
  odoo_rejected: { status: 422, message: 'Odoo refused the change.' },
  odoo_product_missing: { status: 422, message: 'A product is missing in Odoo.' },
  odoo_bad_url: { status: 422, message: 'No Odoo external API answers at this address.' },
  odoo_not_configured: { status: 409, message: 'Connect Odoo in the settings first.' },
  odoo_error: { status: 502, message: 'Odoo failed with an unexpected error.' },
  odoo_unavailable: { status: 503, message: 'Odoo cannot be reached right now.' },
  missing_ingredients: { status: 409, message: 'Not enough ingredients for this batch.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface AppErrorInit {
  message?: string;
  hint?: string;
  /** Extra machine-readable facts for the client (field errors, missing SKUs). No secrets. */
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, init: AppErrorInit = {}) {
    super(init.message ?? ERRORS[code].message, { cause: init.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = init.hint;
    this.details = init.details;
  }

  get status(): ContentfulStatusCode {
    return ERRORS[this.code].status;
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
