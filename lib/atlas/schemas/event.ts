import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

/**
 * EventViewForNdsGroup, read as its common part: backup events are DefaultEventViewForNdsGroup (or
 * NDSAuditViewForNdsGroup for the tenant failures) and carry no cluster or job id; `raw` comes only
 * with includeRaw=true and the spec says not to rely on it. Event type names change often: a string.
 */
export const EventSchema = z.looseObject({
  id: z.string(),
  created: z.string(),
  eventTypeName: z.string(),
  groupId: opt(z.string()),
  orgId: opt(z.string()),
  userId: opt(z.string()),
  username: opt(z.string()),
  apiKeyId: opt(z.string()),
  publicKey: opt(z.string()),
  raw: opt(z.looseObject({ severity: opt(z.string()), description: opt(z.string()) })),
});
export type RawEvent = z.infer<typeof EventSchema>;
export const EventPageSchema = paginated(EventSchema);
