/** The remote commands the back office offers and how their form values become OCPP 1.6 payloads. */
export const commandTypes = [
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "Reset",
  "UnlockConnector",
  "ChangeAvailability",
  "GetConfiguration",
  "ChangeConfiguration",
  "TriggerMessage",
] as const;
export type CommandType = (typeof commandTypes)[number];

export interface CommandValues {
  type: CommandType;
  connectorId: number | string;
  idTag: string;
  transactionId: number | string;
  resetType: "Soft" | "Hard";
  availability: "Operative" | "Inoperative";
  keys: string;
  key: string;
  value: string;
  requestedMessage: string;
}

export const triggerableMessages = [
  "BootNotification",
  "DiagnosticsStatusNotification",
  "FirmwareStatusNotification",
  "Heartbeat",
  "MeterValues",
  "StatusNotification",
];

/** Which inputs a command shows. */
export const commandFields: Record<CommandType, (keyof CommandValues)[]> = {
  RemoteStartTransaction: ["connectorId", "idTag"],
  RemoteStopTransaction: ["transactionId"],
  Reset: ["resetType"],
  UnlockConnector: ["connectorId"],
  ChangeAvailability: ["connectorId", "availability"],
  GetConfiguration: ["keys"],
  ChangeConfiguration: ["key", "value"],
  TriggerMessage: ["requestedMessage", "connectorId"],
};

const int = (value: number | string) => (value === "" ? undefined : Number(value));

export function commandParams(values: CommandValues): Record<string, unknown> {
  switch (values.type) {
    case "RemoteStartTransaction":
      return { connectorId: int(values.connectorId), idTag: values.idTag.trim() };
    case "RemoteStopTransaction":
      return { transactionId: int(values.transactionId) };
    case "Reset":
      return { type: values.resetType };
    case "UnlockConnector":
      return { connectorId: int(values.connectorId) };
    case "ChangeAvailability":
      return { connectorId: int(values.connectorId) ?? 0, type: values.availability };
    case "GetConfiguration": {
      const key = values.keys
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean);
      return key.length > 0 ? { key } : {};
    }
    case "ChangeConfiguration":
      return { key: values.key.trim(), value: values.value };
    case "TriggerMessage":
      return { requestedMessage: values.requestedMessage, connectorId: int(values.connectorId) };
  }
}
