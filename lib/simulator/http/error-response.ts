// An error answer as Atlas sends it, with the spec's ApiError body {error, errorCode, reason, detail,
// parameters}. Thrown anywhere in a handler and rendered once by the server, like Atlas's own error
// filter. Named apart from the client's AtlasError (lib/atlas/errors.ts), which is what a caller sees.

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  410: "Gone",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export const reasonPhrase = (status: number): string => REASONS[status] ?? "Error";

export interface ApiErrorBody {
  detail: string;
  error: number;
  errorCode: string;
  parameters: unknown[];
  reason: string;
}

export class AtlasErrorResponse extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly parameters: unknown[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${errorCode}: ${detail}`);
  }

  body(): ApiErrorBody {
    return {
      detail: this.detail,
      error: this.status,
      errorCode: this.errorCode,
      parameters: this.parameters,
      reason: reasonPhrase(this.status),
    };
  }
}

// Default code and detail per status, used by injected faults and unexpected failures.
const DEFAULTS: Record<number, [string, string]> = {
  400: ["VALIDATION_ERROR", "The request content produced a validation error."],
  401: ["USER_UNAUTHORIZED", "Current user is not authorized to perform this action."],
  403: ["ACCESS_FORBIDDEN", "Access to this resource is forbidden for current user."],
  404: ["RESOURCE_NOT_FOUND", "Cannot find resource."],
  409: ["CONFLICT", "The request conflicts with the current state of the resource."],
  429: ["RATE_LIMITED_TOKEN_BUCKET", "Rate limit exceeded. Please retry later."],
  500: ["UNEXPECTED_ERROR", "Unexpected error."],
  502: ["BAD_GATEWAY", "Bad gateway."],
  503: ["SERVICE_UNAVAILABLE", "Service unavailable."],
  504: ["GATEWAY_TIMEOUT", "Gateway timeout."],
};

export function defaultError(status: number, errorCode?: string): AtlasErrorResponse {
  const [code, detail] = DEFAULTS[status] ?? ["UNEXPECTED_ERROR", `${reasonPhrase(status)}.`];
  return new AtlasErrorResponse(status, errorCode ?? code, detail);
}

export const invalidQuery = (name: string) =>
  new AtlasErrorResponse(400, "INVALID_QUERY_PARAMETER", `Invalid query parameter ${name} specified.`, [name]);

export const invalidPath = (name: string) =>
  new AtlasErrorResponse(400, "INVALID_PATH_PARAMETER", `Invalid path parameter ${name} specified.`, [name]);

export const resourceNotFound = (path: string) =>
  new AtlasErrorResponse(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${path}.`, [path]);
