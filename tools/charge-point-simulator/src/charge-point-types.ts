import type { IdTagInfo, MeterValue, StopReason } from "./ocpp-types.ts";

export interface ReceivedCall {
  action: string;
  params: Record<string, unknown>;
  at: Date;
}

export interface StartTransactionInput {
  connectorId: number;
  idTag: string;
  meterStart?: number;
  timestamp?: Date;
  reservationId?: number;
}

export interface StopTransactionInput {
  transactionId: number;
  meterStop: number;
  timestamp?: Date;
  reason?: StopReason;
  idTag?: string;
  transactionData?: MeterValue[];
}

export interface StartTransactionResult {
  transactionId: number;
  idTagInfo: IdTagInfo;
  /** True when the socket was down: the id is provisional until the queue is flushed. */
  queued: boolean;
}
