/**
 * The OCPP 1.6J message shapes the simulator uses. Hand-written (the simulator is a black box that
 * imports nothing from the repo); ocpp-rpc's strict mode checks every frame against the official
 * schemas, so a mistake here shows up as a validation error, not as a silently wrong frame.
 */

export type ChargePointStatus =
  | "Available"
  | "Preparing"
  | "Charging"
  | "SuspendedEVSE"
  | "SuspendedEV"
  | "Finishing"
  | "Reserved"
  | "Unavailable"
  | "Faulted";

export type ChargePointErrorCode =
  | "ConnectorLockFailure"
  | "EVCommunicationError"
  | "GroundFailure"
  | "HighTemperature"
  | "InternalError"
  | "LocalListConflict"
  | "NoError"
  | "OtherError"
  | "OverCurrentFailure"
  | "PowerMeterFailure"
  | "PowerSwitchFailure"
  | "ReaderFailure"
  | "ResetFailure"
  | "UnderVoltage"
  | "OverVoltage"
  | "WeakSignal";

export type AuthorizationStatus = "Accepted" | "Blocked" | "Expired" | "Invalid" | "ConcurrentTx";

export interface IdTagInfo {
  status: AuthorizationStatus;
  expiryDate?: string;
  parentIdTag?: string;
}

export type StopReason =
  | "EmergencyStop"
  | "EVDisconnected"
  | "HardReset"
  | "Local"
  | "Other"
  | "PowerLoss"
  | "Reboot"
  | "Remote"
  | "SoftReset"
  | "UnlockCommand"
  | "DeAuthorized";

export interface SampledValue {
  value: string;
  context?:
    | "Sample.Periodic"
    | "Transaction.Begin"
    | "Transaction.End"
    | "Trigger"
    | "Sample.Clock"
    | "Other";
  format?: "Raw" | "SignedData";
  measurand?: string;
  phase?: "L1" | "L2" | "L3" | "N" | "L1-N" | "L2-N" | "L3-N" | "L1-L2" | "L2-L3" | "L3-L1";
  location?: "Cable" | "EV" | "Inlet" | "Outlet" | "Body";
  unit?: "Wh" | "kWh" | "W" | "kW" | "A" | "V" | "Percent";
}

export interface MeterValue {
  timestamp: string;
  sampledValue: SampledValue[];
}

export interface ChargingSchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

export interface ChargingSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: "A" | "W";
  chargingSchedulePeriod: ChargingSchedulePeriod[];
  minChargingRate?: number;
}

export type ChargingProfilePurpose = "ChargePointMaxProfile" | "TxDefaultProfile" | "TxProfile";

export interface ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: ChargingProfilePurpose;
  chargingProfileKind: "Absolute" | "Recurring" | "Relative";
  recurrencyKind?: "Daily" | "Weekly";
  validFrom?: string;
  validTo?: string;
  chargingSchedule: ChargingSchedule;
}

export type RegistrationStatus = "Accepted" | "Pending" | "Rejected";

export interface BootNotificationResponse {
  status: RegistrationStatus;
  currentTime: string;
  interval: number;
}

export type DiagnosticsStatus = "Idle" | "Uploaded" | "UploadFailed" | "Uploading";
export type FirmwareStatus =
  | "Downloaded"
  | "DownloadFailed"
  | "Downloading"
  | "Idle"
  | "InstallationFailed"
  | "Installing"
  | "Installed";

export interface DataTransferRequest {
  vendorId: string;
  messageId?: string;
  data?: string;
}

export interface DataTransferResponse {
  status: "Accepted" | "Rejected" | "UnknownMessageId" | "UnknownVendorId";
  data?: string;
}

/** Requests the charge point sends, keyed by action, with the central system's responses. */
export interface CpToCs {
  BootNotification: {
    req: {
      chargePointVendor: string;
      chargePointModel: string;
      chargePointSerialNumber?: string;
      chargeBoxSerialNumber?: string;
      firmwareVersion?: string;
    };
    res: BootNotificationResponse;
  };
  Heartbeat: { req: Record<string, never>; res: { currentTime: string } };
  StatusNotification: {
    req: {
      connectorId: number;
      status: ChargePointStatus;
      errorCode: ChargePointErrorCode;
      timestamp?: string;
      info?: string;
    };
    res: Record<string, never>;
  };
  Authorize: { req: { idTag: string }; res: { idTagInfo: IdTagInfo } };
  StartTransaction: {
    req: {
      connectorId: number;
      idTag: string;
      meterStart: number;
      timestamp: string;
      reservationId?: number;
    };
    res: { transactionId: number; idTagInfo: IdTagInfo };
  };
  MeterValues: {
    req: { connectorId: number; transactionId?: number; meterValue: MeterValue[] };
    res: Record<string, never>;
  };
  StopTransaction: {
    req: {
      transactionId: number;
      meterStop: number;
      timestamp: string;
      reason?: StopReason;
      idTag?: string;
      transactionData?: MeterValue[];
    };
    res: { idTagInfo?: IdTagInfo };
  };
  DataTransfer: { req: DataTransferRequest; res: DataTransferResponse };
  DiagnosticsStatusNotification: { req: { status: DiagnosticsStatus }; res: Record<string, never> };
  FirmwareStatusNotification: { req: { status: FirmwareStatus }; res: Record<string, never> };
}

export type CpAction = keyof CpToCs;
export type CpRequest<A extends CpAction> = CpToCs[A]["req"];
export type CpResponse<A extends CpAction> = CpToCs[A]["res"];

/** Actions that belong to a transaction's record and are therefore queued while offline. */
export const QUEUED_ACTIONS: ReadonlySet<CpAction> = new Set<CpAction>([
  "StartTransaction",
  "MeterValues",
  "StopTransaction",
  "StatusNotification",
]);
