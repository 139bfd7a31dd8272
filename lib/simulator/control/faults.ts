// Injected faults: latency, an Atlas error status, a body that is not Atlas's, or a dropped connection,
// for matching requests. Each has an id, so a test removes its own faults and nobody else's.
import { z } from "zod";

export const FaultSchema = z.strictObject({
  method: z.enum(["GET", "POST", "DELETE"]).optional(),
  path: z
    .string()
    .min(1)
    .refine((s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    }, "must be a valid regular expression"),
  status: z.number().int().min(400).max(599).optional(),
  errorCode: z.string().min(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  drop: z.boolean().optional(),
  /** Answers this raw text (with `status`, default 200) instead of Atlas's answer: a garbled or truncated body. */
  body: z.string().optional(),
  times: z.number().int().min(1).optional(),
});
export type FaultSpec = z.infer<typeof FaultSchema>;

interface Fault extends FaultSpec {
  id: string;
  regex: RegExp;
  remaining: number;
}

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): string {
    const id = `fault-${this.nextId++}`;
    this.faults.push({ ...spec, id, regex: new RegExp(spec.path), remaining: spec.times ?? Infinity });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  /** Removes one fault by id; false when there is none (unknown, or already used up). */
  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  /** The first matching fault, consuming one of its uses. */
  take(method: string, pathname: string): FaultSpec | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && f.regex.test(pathname));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
