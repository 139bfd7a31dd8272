import "server-only";

/** How the client authorizes one request and reacts to Atlas's 401. */
export interface Authenticator {
  /** The Authorization header for this request, or undefined to send none (a digest probe). */
  authorization(method: string, uri: string, deadline: number): Promise<string | undefined>;
  /** Given a 401 and the header that was sent: true when a new attempt with fresh credentials may succeed. */
  handleUnauthorized(response: Response, sent: string | undefined): boolean;
  /** Called when the request sent with `sent` has an answer or has failed. */
  settle?(sent: string | undefined): void;
  /** How many 401-driven re-sends one request may make. */
  readonly maxAuthRetries: number;
}
