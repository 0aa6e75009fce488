/** The OCPP 1.6 payloads the handlers read and answer; strict mode has validated them already. */
export type IdTagInfo = {
  status: "Accepted" | "Blocked" | "Expired" | "Invalid" | "ConcurrentTx";
  expiryDate?: string;
  parentIdTag?: string;
};

export type SampledValue = {
  value: string;
  context?: string;
  format?: string;
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
};
export type MeterValue = { timestamp: string; sampledValue: SampledValue[] };

export type BootNotificationReq = {
  chargePointVendor: string;
  chargePointModel: string;
  chargePointSerialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
  iccid?: string;
  imsi?: string;
  meterType?: string;
  meterSerialNumber?: string;
};
export type StatusNotificationReq = {
  connectorId: number;
  errorCode: string;
  status: string;
  info?: string;
  timestamp?: string;
  vendorId?: string;
  vendorErrorCode?: string;
};
export type StartTransactionReq = {
  connectorId: number;
  idTag: string;
  meterStart: number;
  reservationId?: number;
  timestamp: string;
};
export type StopTransactionReq = {
  transactionId: number;
  meterStop: number;
  timestamp: string;
  idTag?: string;
  reason?: string;
  transactionData?: MeterValue[];
};
export type MeterValuesReq = { connectorId: number; transactionId?: number; meterValue: MeterValue[] };
export type DataTransferReq = { vendorId: string; messageId?: string; data?: string };
