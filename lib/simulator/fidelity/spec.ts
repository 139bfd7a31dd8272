import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { loadSpecDocument, type JsonObject, type OpenApiDocument } from "./spec-document";

// Validators for every operation x status x media type of the official Atlas spec, built with Ajv 8
// (OpenAPI 3.0 `nullable` and `discriminator` are Ajv options). Nothing here copies a schema.

export const API_PREFIX = "/api/atlas/v2";
const SPEC_ID = "https://backwatch.invalid/atlas-openapi.json";
const VERSION_MEDIA = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/;

export interface SpecParam {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: JsonObject;
}
export interface SpecVersion {
  version: string;
  mediaType: string;
  sunset?: string;
}
export interface SpecOperation {
  operationId: string;
  method: "GET" | "POST" | "DELETE";
  path: string; // full template, e.g. /api/atlas/v2/groups/{groupId}
  successStatus: number;
  versions: SpecVersion[];
  errorStatuses: number[];
  /** Response headers the spec declares on the success response (e.g. RateLimit-Limit). */
  successHeaders: string[];
  params: SpecParam[];
  hasRequestBody: boolean;
  deprecated: boolean;
}

// ajv-formats ships CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

export interface FidelitySpec {
  operations(): SpecOperation[];
  operation(operationId: string): SpecOperation;
  validateResponse(operationId: string, status: number, contentType: string | null, body: unknown): string[];
  validateRequestBody(operationId: string, mediaType: string, body: unknown): string[];
  validateApiError(body: unknown): string[];
}

export function createFidelitySpec(specPath?: string): FidelitySpec {
  const doc = loadSpecDocument(specPath);
  const ajv = new Ajv({ strict: false, discriminator: true, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: doc.components.schemas } });
  const cache = new Map<string, ValidateFunction>();
  const compile = (schema: JsonObject): ValidateFunction => {
    const key = JSON.stringify(schema);
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(rebase(schema));
      cache.set(key, fn);
    }
    return fn;
  };
  const run = (fn: ValidateFunction, body: unknown): string[] =>
    fn(body)
      ? []
      : (fn.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "invalid"} ${JSON.stringify(e.params)}`);

  const ops = collectOperations(doc);
  const byId = new Map(ops.map((op) => [op.operationId, op]));
  const operation = (operationId: string): SpecOperation => {
    const op = byId.get(operationId);
    if (!op) throw new Error(`unknown operationId ${operationId}`);
    return op;
  };
  const apiError = compile({ $ref: "#/components/schemas/ApiError" });

  return {
    operations: () => ops,
    operation,
    validateApiError: (body) => run(apiError, body),
    validateResponse(operationId, status, contentType, body) {
      const op = operation(operationId);
      const response = resolveResponse(doc, rawOperation(doc, op).responses as JsonObject, status);
      if (!response) return [`status ${status} is not declared for ${operationId}`];
      const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
      const content = (response.content ?? {}) as Record<string, JsonObject>;
      const entry = content[media];
      if (!entry)
        return [
          `content type "${contentType}" is not one of ${Object.keys(content).join(", ")} for ${operationId} ${status}`,
        ];
      if (!entry.schema) return body === undefined || body === "" ? [] : [`${operationId} ${status} must have no body`];
      return run(compile(entry.schema as JsonObject), body);
    },
    validateRequestBody(operationId, mediaType, body) {
      const content = ((rawOperation(doc, operation(operationId)).requestBody as JsonObject | undefined)?.content ??
        {}) as Record<string, JsonObject>;
      const entry = content[mediaType];
      if (!entry?.schema) return [`${operationId} takes no request body of type ${mediaType}`];
      return run(compile(entry.schema as JsonObject), body);
    },
  };
}

// Local refs ("#/components/...") inside a response schema must resolve against the spec document.
function rebase(schema: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`)) as JsonObject;
}

function rawOperation(doc: OpenApiDocument, op: SpecOperation): JsonObject {
  return doc.paths[op.path]![op.method.toLowerCase()]!;
}

function resolveResponse(doc: OpenApiDocument, responses: JsonObject, status: number): JsonObject | undefined {
  const raw = responses[String(status)] as JsonObject | undefined;
  if (!raw) return undefined;
  const ref = raw.$ref;
  return typeof ref === "string" ? doc.components.responses[ref.split("/").pop()!] : raw;
}

function collectOperations(doc: OpenApiDocument): SpecOperation[] {
  const ops: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!["get", "post", "delete"].includes(method)) continue;
      const responses = raw.responses as Record<string, JsonObject>;
      const statuses = Object.keys(responses).map(Number);
      const successStatus = statuses.find((s) => s < 300)!;
      const success = resolveResponse(doc, responses, successStatus)!;
      const versions = Object.entries((success.content ?? {}) as Record<string, JsonObject>).flatMap(
        ([mediaType, entry]) => {
          const version = VERSION_MEDIA.exec(mediaType)?.[1];
          if (!version) return [];
          const sunset = entry["x-sunset"];
          return [{ version, mediaType, ...(typeof sunset === "string" ? { sunset } : {}) }];
        },
      );
      const params = ((raw.parameters ?? []) as JsonObject[]).map((p) => {
        const ref = p.$ref;
        const resolved = typeof ref === "string" ? doc.components.parameters[ref.split("/").pop()!]! : p;
        return {
          name: resolved.name as string,
          in: resolved.in as SpecParam["in"],
          required: resolved.required === true,
          schema: (resolved.schema ?? {}) as JsonObject,
        };
      });
      ops.push({
        operationId: raw.operationId as string,
        method: method.toUpperCase() as SpecOperation["method"],
        path,
        successStatus,
        versions: versions.sort((a, b) => a.version.localeCompare(b.version)),
        errorStatuses: statuses.filter((s) => s >= 400),
        successHeaders: Object.keys((success.headers ?? {}) as JsonObject),
        params,
        hasRequestBody: Boolean(raw.requestBody),
        deprecated: raw.deprecated === true,
      });
    }
  }
  return ops;
}
