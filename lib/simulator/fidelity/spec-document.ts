import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

// Loads the official Atlas OpenAPI description (the trimmed copy beside this file, whose header names
// its source) and applies the few in-memory patches a JSON Schema validator needs. Each patch names
// the defect it works around.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  paths: Record<string, Record<string, JsonObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
  };
}

export const defaultSpecPath = fileURLToPath(new URL("./atlas-openapi.yaml", import.meta.url));

const schemaRef = (name: string) => `#/components/schemas/${name}`;

export function loadSpecDocument(specPath: string = defaultSpecPath): OpenApiDocument {
  const doc = yaml.load(readFileSync(specPath, "utf8")) as OpenApiDocument;
  const schemas = doc.components.schemas;
  patchExportPrefix(schemas);
  patchPolymorphism(schemas);
  patchAmbiguousOneOf(schemas);
  patchErrorParameters(schemas);
  return doc;
}

// spec: components.schemas.DiskBackupExportJob.properties.prefix carries the *documentation template*
// "/exported_snapshots/\{ORG-NAME\}/..." as a regex pattern, so it matches only the literal
// placeholder text and no real prefix (e.g. /exported_snapshots/acme/payments/Cluster0/...) passes.
// Keep the prefix's real shape: six path segments under /exported_snapshots/.
function patchExportPrefix(schemas: Record<string, JsonObject>): void {
  const prefix = ((schemas.DiskBackupExportJob?.properties ?? {}) as JsonObject).prefix as JsonObject | undefined;
  if (!prefix || typeof prefix.pattern !== "string" || !prefix.pattern.includes("\\{ORG-NAME\\}")) {
    throw new Error("spec changed: DiskBackupExportJob.prefix pattern defect no longer present; drop the patch");
  }
  prefix.pattern = "^/exported_snapshots/[^/]+/[^/]+/[^/]+/[^/]+/[^/]+$";
}

// The spec uses Java-style polymorphism: a base schema with `discriminator.mapping`, whose subtypes
// are `allOf: [base, ...]`. Taken literally that is a cycle (base -> oneOf subtype -> allOf base),
// and Ajv's `discriminator` keyword does not accept `mapping`. Rewrite each such base into
// `oneOf` over tagged subtypes (tag as `const`), and point the subtypes' allOf at a copy of the base
// without the polymorphic keywords. DiskBackupSnapshotExportBucketResponse even has a discriminator
// without any oneOf; the same rewrite gives it one.
function patchPolymorphism(schemas: Record<string, JsonObject>): void {
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema.discriminator as
      { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (!discriminator?.mapping) continue;
    const baseName = `${name}__base`;
    const base = { ...schema };
    delete base.discriminator;
    delete base.oneOf;
    schemas[baseName] = base;
    for (const target of Object.values(discriminator.mapping)) {
      const sub = schemas[target.replace("#/components/schemas/", "")];
      const allOf = sub?.allOf as JsonObject[] | undefined;
      for (const part of allOf ?? []) if (part.$ref === schemaRef(name)) part.$ref = schemaRef(baseName);
    }
    const tag = discriminator.propertyName;
    schemas[name] = {
      type: "object",
      required: [tag],
      discriminator: { propertyName: tag },
      oneOf: Object.entries(discriminator.mapping).map(([value, target]) => ({
        allOf: [{ $ref: target }],
        properties: { [tag]: { const: value } },
      })),
    };
  }
}

// Non-discriminated oneOf lists whose alternatives overlap: BaseCloudProviderInstanceSize lists
// "M30" under AWS, Azure and GCP alike, and the *HardwareSpec alternatives are open objects with the
// same fields, so every real hardware spec matches several branches and strict oneOf rejects it.
// The intent is "one of these shapes", i.e. anyOf.
function patchAmbiguousOneOf(schemas: Record<string, JsonObject>): void {
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node.oneOf) && !node.discriminator) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
      // CloudRegionConfig*.regionName says `type: object` around three string enums; a region is a string.
      const alternatives = node.anyOf as JsonObject[];
      if (node.type === "object" && alternatives.every((alt) => alt.type === "string")) delete node.type;
    }
    Object.values(node).forEach(visit);
  };
  Object.values(schemas).forEach(visit);
}

// spec: components.schemas.ApiError.properties.parameters is typed as an array of objects, but every
// Atlas error in the docs carries strings and numbers there (e.g. ["api/atlas/v2/orgs", 55, 10, 5, 60]
// on a 429; Atlas docs: atlas/api/api-rate-limit, atlas/reference/api-errors).
function patchErrorParameters(schemas: Record<string, JsonObject>): void {
  const parameters = ((schemas.ApiError?.properties ?? {}) as JsonObject).parameters as JsonObject | undefined;
  if (!parameters) throw new Error("spec changed: ApiError.parameters missing");
  parameters.items = {};
}
