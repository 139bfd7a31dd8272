import { describe, expect, it } from "vitest";
import { parseExportBody, parsePhasedBody, parseRestoreBody } from "./bodies";

describe("create bodies", () => {
  it.each([
    [{}, "MISSING_ATTRIBUTE", ["deliveryType"]],
    [{ deliveryType: "DOWNLOAD" }, "INVALID_ENUM_VALUE", ["DOWNLOAD", "deliveryType"]],
    [{ deliveryType: "download", cancelled: true }, "ATTRIBUTE_READ_ONLY", ["cancelled"]],
    [{ deliveryType: "download", snapshotID: "x" }, "INVALID_ATTRIBUTE", ["snapshotID"]],
    [{ deliveryType: "download", snapshotId: "nothex" }, "INVALID_ATTRIBUTE", ["snapshotId"]],
  ])("rejects restore body %j with %s", (body, errorCode, parameters) => {
    expect(() => parseRestoreBody(body)).toThrow(expect.objectContaining({ status: 400, errorCode, parameters }));
  });

  it("rejects non-object and absent bodies", () => {
    expect(() => parseRestoreBody([])).toThrow(expect.objectContaining({ errorCode: "INVALID_JSON" }));
    expect(() => parseExportBody(undefined)).toThrow(expect.objectContaining({ errorCode: "MALFORMED_JSON" }));
  });

  it("checks the flex/tenant target name pattern and accepts valid bodies", () => {
    expect(() => parsePhasedBody({ snapshotId: "a".repeat(24), targetDeploymentItemName: "bad name" })).toThrow(
      expect.objectContaining({ errorCode: "INVALID_ATTRIBUTE" }),
    );
    expect(parsePhasedBody({ snapshotId: "a".repeat(24), targetDeploymentItemName: "flex-dev" })).toEqual({
      snapshotId: "a".repeat(24),
      targetDeploymentItemName: "flex-dev",
    });
    expect(
      parseExportBody({
        snapshotId: "a".repeat(24),
        exportBucketId: "b".repeat(24),
        customData: [{ key: "k", value: "v" }],
      }).customData,
    ).toHaveLength(1);
  });
});
