/**
 * The one error contract of the domain: module functions throw these, server actions turn them
 * into typed results, and anything else is logged and shown to the user as a generic message.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly code: string = "error";
}

export class NotAuthenticatedError extends DomainError {
  override readonly code = "unauthenticated";
  constructor(message = "Please sign in.") {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  override readonly code = "forbidden";
  constructor(message = "You do not have permission to do this.") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override readonly code = "not_found";
  constructor(message = "Not found.") {
    super(message);
  }
}

export class ConflictError extends DomainError {
  override readonly code = "conflict";
}

export class ValidationError extends DomainError {
  override readonly code = "validation";
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Please correct the highlighted fields.",
  ) {
    super(message);
  }
}
