import { describe, expect, it } from "vitest";
import { type CommandValues, commandParams } from "./command-params";

const base: CommandValues = {
  type: "Reset",
  connectorId: "",
  idTag: "",
  transactionId: "",
  resetType: "Soft",
  availability: "Operative",
  keys: "",
  key: "",
  value: "",
  requestedMessage: "Heartbeat",
};

describe("commandParams", () => {
  it.each([
    [
      { type: "RemoteStartTransaction", connectorId: 1, idTag: " 04A1 " },
      { connectorId: 1, idTag: "04A1" },
    ],
    [{ type: "RemoteStopTransaction", transactionId: "42" }, { transactionId: 42 }],
    [{ type: "Reset", resetType: "Hard" }, { type: "Hard" }],
    [
      { type: "ChangeAvailability", availability: "Inoperative" },
      { connectorId: 0, type: "Inoperative" },
    ],
    [
      { type: "GetConfiguration", keys: "HeartbeatInterval, ,MeterValueSampleInterval" },
      { key: ["HeartbeatInterval", "MeterValueSampleInterval"] },
    ],
    [{ type: "GetConfiguration", keys: " " }, {}],
    [
      { type: "ChangeConfiguration", key: "HeartbeatInterval", value: "60" },
      { key: "HeartbeatInterval", value: "60" },
    ],
    [
      { type: "TriggerMessage", requestedMessage: "StatusNotification", connectorId: 2 },
      { requestedMessage: "StatusNotification", connectorId: 2 },
    ],
  ] as [Partial<CommandValues>, Record<string, unknown>][])("%o → %o", (values, expected) => {
    expect(JSON.parse(JSON.stringify(commandParams({ ...base, ...values })))).toEqual(expected);
  });
});
