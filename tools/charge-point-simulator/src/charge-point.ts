import type {
  ReceivedCall,
  StartTransactionInput,
  StartTransactionResult,
  StopTransactionInput,
} from "./charge-point-types.ts";
import { ChargingProfiles } from "./charging-profiles.ts";
import { registerCommandHandlers } from "./commands/register.ts";
import { ConfigStore } from "./config-store.ts";
import { type Connector, createConnectors, idleStatus } from "./connectors.ts";
import { LocalList } from "./local-list.ts";
import { EnergyMeters } from "./meter.ts";
import type {
  BootNotificationResponse,
  ChargePointErrorCode,
  ChargePointStatus,
  CpResponse,
  DataTransferRequest,
  DiagnosticsStatus,
  FirmwareStatus,
  IdTagInfo,
  MeterValue,
  StopReason,
} from "./ocpp-types.ts";
import { type ChargePointOptions, type ResolvedOptions, resolveOptions } from "./options.ts";
import { RpcLink } from "./rpc-link.ts";
import { runSession, type SessionOptions, type SessionResult } from "./session-runner.ts";
import { TxOutbox } from "./tx-outbox.ts";

/** A scriptable OCPP 1.6J charge point. */
export class SimulatedChargePoint {
  readonly options: ResolvedOptions;
  readonly config: ConfigStore;
  readonly localList = new LocalList();
  readonly profiles: ChargingProfiles;
  readonly meters: EnergyMeters;
  readonly connectors: Connector[];
  readonly received: ReceivedCall[] = [];
  /** idTags the central system answered recently (the OCPP authorization cache). */
  readonly authCache = new Map<string, IdTagInfo>();
  private readonly link: RpcLink;
  private readonly outbox: TxOutbox;
  private heartbeatTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private closed = false;
  private heldOffline = false;
  private suppressReconnect = false;
  /** Auto-reconnect only after a first success: a refused upgrade should fail, not loop. */
  private connectedOnce = false;
  messagesSent = 0;

  constructor(options: ChargePointOptions) {
    this.options = resolveOptions(options);
    const o = this.options;
    this.config = new ConfigStore(o.connectors, o.heartbeatIntervalS ?? 300, o.meterIntervalS);
    this.profiles = new ChargingProfiles(o.phases);
    this.meters = new EnergyMeters(o.connectors, o.initialMeterWh);
    this.connectors = createConnectors(o.connectors);
    this.link = new RpcLink({
      url: o.url,
      identity: o.identity,
      password: o.password,
      callTimeoutMs: o.callTimeoutMs,
      log: (direction, frame) => {
        if (direction === "out") this.messagesSent++;
        o.log?.(direction, frame);
      },
    });
    this.outbox = new TxOutbox(this.link);
    this.link.onClose(() => this.scheduleReconnect());
    this.config.onChange((key) => {
      if (key === "HeartbeatInterval") this.startHeartbeat();
    });
    registerCommandHandlers(this, (action, handler) =>
      this.link.handle(action, (params) => {
        if (o.recordReceived) this.received.push({ action, params, at: new Date() });
        return handler(params);
      }),
    );
  }

  get identity(): string {
    return this.options.identity;
  }

  get online(): boolean {
    return this.link.isOpen;
  }

  /** Messages waiting in the offline queue. */
  get queuedMessages(): number {
    return this.outbox.pending;
  }

  now(): Date {
    return this.options.clock();
  }

  async connect(): Promise<void> {
    this.closed = false;
    this.heldOffline = false;
    await this.link.connect();
    this.connectedOnce = true;
    await this.outbox.flush();
  }

  /** Connects, boots (retrying while Pending) and reports every connector's status. */
  async start(): Promise<BootNotificationResponse> {
    await this.connect();
    const boot = await this.boot({ retry: true });
    await this.announceConnectors();
    return boot;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    for (const connector of this.connectors) {
      if (connector.reservation) clearTimeout(connector.reservation.timer);
    }
    if (this.link.isOpen) await this.link.close();
  }

  /** Simulates a lost network: the socket drops and stays down until `reconnect()`. */
  async disconnect(): Promise<void> {
    this.heldOffline = true;
    clearTimeout(this.reconnectTimer);
    if (this.link.isOpen) await this.link.drop();
  }

  /** Brings the socket back after `disconnect()` and flushes the offline queue in order. */
  async reconnect(): Promise<void> {
    await this.connect();
  }

  /** Closes and reopens the socket without auto-reconnect interfering (used by Reset). */
  async restartConnection(): Promise<void> {
    this.suppressReconnect = true;
    try {
      if (this.link.isOpen) await this.link.close();
    } finally {
      this.suppressReconnect = false;
    }
    await this.connect();
  }

  /** Sends BootNotification; with `retry`, repeats after `interval` until Accepted. */
  async boot(options: { retry?: boolean } = {}): Promise<BootNotificationResponse> {
    const o = this.options;
    for (;;) {
      const response = await this.link.call("BootNotification", {
        chargePointVendor: o.vendor,
        chargePointModel: o.model,
        ...(o.serialNumber ? { chargePointSerialNumber: o.serialNumber } : {}),
        firmwareVersion: o.firmwareVersion,
      });
      if (response.status === "Accepted") {
        const interval = o.heartbeatIntervalS ?? response.interval;
        this.config.setInternal("HeartbeatInterval", String(interval));
        this.startHeartbeat();
        return response;
      }
      if (!options.retry || this.closed) return response;
      // OCPP 1.6 §4.2: retry after `interval` seconds (at least a moment, so 0 cannot spin).
      await delay(Math.max(response.interval, 1) * 1000);
    }
  }

  async heartbeat(): Promise<CpResponse<"Heartbeat">> {
    return this.link.call("Heartbeat", {});
  }

  async statusNotification(
    connectorId: number,
    status: ChargePointStatus,
    errorCode: ChargePointErrorCode = "NoError",
    timestamp: Date = this.now(),
  ): Promise<void> {
    const connector = this.connectors[connectorId];
    if (connector) Object.assign(connector, { status, errorCode });
    await this.outbox.send("StatusNotification", {
      connectorId,
      status,
      errorCode,
      timestamp: timestamp.toISOString(),
    });
  }

  /** Reports every connector (and connector 0) in its resting status, as chargers do after boot. */
  async announceConnectors(): Promise<void> {
    for (const connector of this.connectors) {
      const status = connector.session ? connector.status : idleStatus(connector);
      await this.statusNotification(connector.id, status, connector.errorCode);
    }
  }

  /** Online: asks the central system. Offline: the local list, then the cache (LocalAuthorizeOffline). */
  async authorize(idTag: string): Promise<IdTagInfo> {
    if (!this.link.isOpen) {
      const local = this.localList.lookup(idTag) ?? this.authCache.get(idTag);
      return local ?? { status: this.config.getBool("AllowOfflineTxForUnknownId") ? "Accepted" : "Invalid" };
    }
    const { idTagInfo } = await this.link.call("Authorize", { idTag });
    this.authCache.set(idTag, idTagInfo);
    return idTagInfo;
  }

  async startTransaction(input: StartTransactionInput): Promise<StartTransactionResult> {
    const connector = this.connectors[input.connectorId];
    if (connector?.reservation) {
      clearTimeout(connector.reservation.timer);
      connector.reservation = undefined;
    }
    const outcome = await this.outbox.send("StartTransaction", {
      connectorId: input.connectorId,
      idTag: input.idTag,
      meterStart: input.meterStart ?? this.meters.read(input.connectorId),
      timestamp: (input.timestamp ?? this.now()).toISOString(),
      ...(input.reservationId !== undefined ? { reservationId: input.reservationId } : {}),
    });
    if (!outcome.queued) {
      this.authCache.set(input.idTag, outcome.response.idTagInfo);
      return { ...outcome.response, queued: false };
    }
    const idTagInfo = this.localList.lookup(input.idTag) ??
      this.authCache.get(input.idTag) ?? { status: "Accepted" };
    return { transactionId: outcome.provisionalId ?? -1, idTagInfo, queued: true };
  }

  async meterValues(
    connectorId: number,
    transactionId: number | undefined,
    samples: MeterValue[],
  ): Promise<void> {
    await this.outbox.send("MeterValues", {
      connectorId,
      ...(transactionId !== undefined ? { transactionId } : {}),
      meterValue: samples,
    });
  }

  async stopTransaction(input: StopTransactionInput): Promise<CpResponse<"StopTransaction"> | undefined> {
    const outcome = await this.outbox.send("StopTransaction", {
      transactionId: input.transactionId,
      meterStop: input.meterStop,
      timestamp: (input.timestamp ?? this.now()).toISOString(),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.idTag ? { idTag: input.idTag } : {}),
      ...(input.transactionData ? { transactionData: input.transactionData } : {}),
    });
    return outcome.queued ? undefined : outcome.response;
  }

  async dataTransfer(request: DataTransferRequest): Promise<CpResponse<"DataTransfer">> {
    return this.link.call("DataTransfer", request);
  }

  async diagnosticsStatus(status: DiagnosticsStatus): Promise<void> {
    await this.link.call("DiagnosticsStatusNotification", { status });
  }

  async firmwareStatus(status: FirmwareStatus): Promise<void> {
    await this.link.call("FirmwareStatusNotification", { status });
  }

  /** Sends an arbitrary frame and resolves with the raw reply frame (for negative tests). */
  sendRaw(text: string, timeoutMs?: number): Promise<string> {
    return this.link.sendRaw(text, timeoutMs);
  }

  /** The real transaction id for one that was provisional while offline. */
  resolveTransactionId(transactionId: number): number {
    return this.outbox.resolve(transactionId);
  }

  /** The current limit in A per phase the installed charging profiles impose, or undefined. */
  currentLimitA(connectorId: number, at: Date = this.now()): number | undefined {
    return this.profiles.limitA(connectorId, at);
  }

  runSession(options: SessionOptions): Promise<SessionResult> {
    return runSession(this, options);
  }

  /** Ends the sessions on all connectors with `reason` and waits until they have stopped. */
  async stopAllSessions(reason: StopReason): Promise<void> {
    const running = this.connectors.flatMap((c) => (c.session ? [c.session] : []));
    for (const session of running) session.stop(reason);
    await Promise.allSettled(running.map((s) => s.done));
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    const seconds = this.config.getInt("HeartbeatInterval");
    if (seconds <= 0) return;
    this.heartbeatTimer = setInterval(() => {
      if (this.link.isOpen) this.heartbeat().catch(() => undefined);
    }, seconds * 1000);
    this.heartbeatTimer.unref();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.heldOffline || this.suppressReconnect) return;
    if (!this.options.reconnect || !this.connectedOnce) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.connect().catch(() => this.scheduleReconnect());
    }, this.options.reconnectDelayMs);
  }

  private stopTimers(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.reconnectTimer);
  }
}

export function createChargePoint(options: ChargePointOptions): SimulatedChargePoint {
  return new SimulatedChargePoint(options);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
