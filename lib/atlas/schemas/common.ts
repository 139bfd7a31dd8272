import "server-only";
import { z } from "zod";

// Raw Atlas shapes are read leniently: Atlas adds fields and states without notice (the spec's own
// FlexBackupRestoreJob20241113.restoreFinishedDate names a status CLOSED that its status enum lacks),
// so objects are loose, states are plain strings, and only what we truly need is required.

export const LinkSchema = z.looseObject({ href: z.string().optional(), rel: z.string().optional() });

/** An optional field Atlas may also send as null. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

export function paginated<T extends z.ZodType>(item: T) {
  return z.looseObject({
    results: z.array(item),
    totalCount: opt(z.number().int().nonnegative()),
    links: opt(z.array(LinkSchema)),
  });
}
export type Paginated<T> = { results: T[]; totalCount?: number | null };
