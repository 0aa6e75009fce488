export interface ConfigurationKey {
  key: string;
  readonly: boolean;
  value?: string;
}

export type ChangeConfigurationStatus = "Accepted" | "Rejected" | "RebootRequired" | "NotSupported";

type Kind = "int" | "bool" | "csl" | "string";

interface Entry {
  kind: Kind;
  readonly: boolean;
  value: string;
}

const MEASURANDS = new Set([
  "Energy.Active.Import.Register",
  "Energy.Active.Export.Register",
  "Power.Active.Import",
  "Power.Offered",
  "Current.Import",
  "Current.Offered",
  "Voltage",
  "SoC",
  "Temperature",
]);

/** The OCPP 1.6 core and smart-charging keys a typical AC charger reports. */
function defaultEntries(connectors: number, heartbeatS: number, meterS: number): Record<string, Entry> {
  const rw = (kind: Kind, value: string): Entry => ({ kind, readonly: false, value });
  const ro = (kind: Kind, value: string): Entry => ({ kind, readonly: true, value });
  return {
    AllowOfflineTxForUnknownId: rw("bool", "false"),
    AuthorizationCacheEnabled: rw("bool", "true"),
    AuthorizeRemoteTxRequests: rw("bool", "false"),
    ClockAlignedDataInterval: rw("int", "0"),
    ConnectionTimeOut: rw("int", "60"),
    GetConfigurationMaxKeys: ro("int", "50"),
    HeartbeatInterval: rw("int", String(heartbeatS)),
    LocalAuthorizeOffline: rw("bool", "true"),
    LocalPreAuthorize: rw("bool", "false"),
    MeterValuesAlignedData: rw("csl", "Energy.Active.Import.Register"),
    MeterValuesSampledData: rw(
      "csl",
      "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC",
    ),
    MeterValueSampleInterval: rw("int", String(meterS)),
    NumberOfConnectors: ro("int", String(connectors)),
    ResetRetries: rw("int", "3"),
    StopTransactionOnEVSideDisconnect: rw("bool", "true"),
    StopTransactionOnInvalidId: rw("bool", "true"),
    StopTxnSampledData: rw("csl", "Energy.Active.Import.Register"),
    SupportedFeatureProfiles: ro(
      "csl",
      "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger",
    ),
    TransactionMessageAttempts: rw("int", "3"),
    TransactionMessageRetryInterval: rw("int", "60"),
    UnlockConnectorOnEVSideDisconnect: rw("bool", "true"),
    LocalAuthListEnabled: rw("bool", "true"),
    LocalAuthListMaxLength: ro("int", "1000"),
    SendLocalListMaxLength: ro("int", "100"),
    ChargeProfileMaxStackLevel: ro("int", "10"),
    ChargingScheduleAllowedChargingRateUnit: ro("csl", "Current,Power"),
    ChargingScheduleMaxPeriods: ro("int", "24"),
    MaxChargingProfilesInstalled: ro("int", "10"),
    ReserveConnectorZeroSupported: ro("bool", "false"),
  };
}

function isValid(kind: Kind, value: string): boolean {
  switch (kind) {
    case "int":
      return /^\d+$/.test(value);
    case "bool":
      return value === "true" || value === "false";
    case "csl":
      return value.split(",").every((part) => MEASURANDS.has(part.trim()));
    default:
      return true;
  }
}

/** A charge point's configuration key store, with readonly keys and typed values. */
export class ConfigStore {
  private readonly entries: Record<string, Entry>;
  private readonly listeners: Array<(key: string, value: string) => void> = [];

  constructor(connectors: number, heartbeatS: number, meterS: number) {
    this.entries = defaultEntries(connectors, heartbeatS, meterS);
  }

  get(key: string): string | undefined {
    return this.entries[key]?.value;
  }

  getInt(key: string): number {
    return Number(this.get(key) ?? 0);
  }

  getBool(key: string): boolean {
    return this.get(key) === "true";
  }

  /** Sets a value from inside the charge point (e.g. the boot interval), readonly or not. */
  setInternal(key: string, value: string): void {
    const entry = this.entries[key];
    if (entry) entry.value = value;
  }

  onChange(listener: (key: string, value: string) => void): void {
    this.listeners.push(listener);
  }

  /** GetConfiguration: all keys when none are asked for; unknown keys come back separately. */
  list(keys?: string[]): { configurationKey: ConfigurationKey[]; unknownKey: string[] } {
    const wanted = keys && keys.length > 0 ? keys : Object.keys(this.entries);
    const configurationKey: ConfigurationKey[] = [];
    const unknownKey: string[] = [];
    for (const key of wanted) {
      const entry = this.entries[key];
      if (entry) configurationKey.push({ key, readonly: entry.readonly, value: entry.value });
      else unknownKey.push(key);
    }
    return { configurationKey, unknownKey };
  }

  change(key: string, value: string): ChangeConfigurationStatus {
    const entry = this.entries[key];
    if (!entry) return "NotSupported";
    if (entry.readonly || !isValid(entry.kind, value)) return "Rejected";
    entry.value = value;
    for (const listener of this.listeners) listener(key, value);
    return "Accepted";
  }
}
