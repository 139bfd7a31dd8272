import "server-only";

/** Classifies what fetch (undici) threw: our deadline firing, or the connection failing. */
export function describeFetchFailure(error: unknown): { kind: "timeout" | "network"; detail: string } {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { kind: "timeout", detail: "no answer from Atlas before the request deadline" };
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message =
    typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error);
  return { kind: "network", detail: code ? `${code}: ${message}` : message };
}
