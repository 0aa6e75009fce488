import { authorize } from "./authorize.handler";
import { bootNotification } from "./boot-notification.handler";
import { dataTransfer } from "./data-transfer.handler";
import { diagnosticsStatusNotification } from "./diagnostics-status-notification.handler";
import { firmwareStatusNotification } from "./firmware-status-notification.handler";
import type { Handler } from "./handler-context";
import { heartbeat } from "./heartbeat.handler";
import { meterValues } from "./meter-values.handler";
import { startTransaction } from "./start-transaction.handler";
import { statusNotification } from "./status-notification.handler";
import { stopTransaction } from "./stop-transaction.handler";

/** OCPP 1.6 charge point → central system actions; anything else is answered NotImplemented. */
export const v16Handlers: Record<string, Handler<any>> = {
  Authorize: authorize,
  BootNotification: bootNotification,
  DataTransfer: dataTransfer,
  DiagnosticsStatusNotification: diagnosticsStatusNotification,
  FirmwareStatusNotification: firmwareStatusNotification,
  Heartbeat: heartbeat,
  MeterValues: meterValues,
  StartTransaction: startTransaction,
  StatusNotification: statusNotification,
  StopTransaction: stopTransaction,
};
