import { OBJECT_ID } from "./dto";

/**
 * When an ObjectId was created: its first 4 bytes are Unix seconds, big-endian. Atlas sends no createdAt
 * for a Cloud Backup restore job, so this is the only start time it has.
 */
export function objectIdDate(id: string): Date | null {
  if (!OBJECT_ID.test(id)) return null;
  return new Date(Number.parseInt(id.slice(0, 8), 16) * 1000);
}
