import type { CoreDeps, MeterSampleInput } from "@voltlane/core";
import type { FastifyBaseLogger } from "fastify";
import type { IdTagInfo, MeterValue } from "./ocpp16-types";

/** What every OCPP handler gets: the core, the authenticated charge point and a logger. */
export type HandlerContext = {
  core: CoreDeps;
  chargePointId: string;
  providerId: string;
  log: FastifyBaseLogger;
};

export type Handler<Req = never, Res = unknown> = (ctx: HandlerContext, params: Req) => Promise<Res>;

/** OCPP meter values → the core's samples. */
export function toSamples(meterValue: readonly MeterValue[] | undefined): MeterSampleInput[] {
  return (meterValue ?? []).map((mv) => ({
    at: new Date(mv.timestamp),
    values: mv.sampledValue.map(({ format: _format, ...value }) => value),
  }));
}

export function idTagInfo(authorization: { status: IdTagInfo["status"]; expiryDate?: Date }): IdTagInfo {
  return {
    status: authorization.status,
    ...(authorization.expiryDate ? { expiryDate: authorization.expiryDate.toISOString() } : {}),
  };
}
