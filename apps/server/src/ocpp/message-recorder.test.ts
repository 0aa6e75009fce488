import { EventEmitter } from "node:events";
import type { OcppMessageEntry, OcppMessageLog } from "@voltlane/core";
import { describe, expect, it } from "vitest";
import { recordFrames } from "./message-recorder";
import type { OcppClient } from "./rpc-server";

/** Emits what ocpp-rpc emits for an inbound text: `message`, then `call`/`response` or `badMessage`. */
function fakeClient() {
  const emitter = new EventEmitter();
  const receive = (text: string) => {
    emitter.emit("message", { message: text, outbound: false });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      emitter.emit("badMessage", {});
      return;
    }
    if (!Array.isArray(parsed) || ![2, 3, 4].includes(parsed[0]) || typeof parsed[1] !== "string")
      emitter.emit("badMessage", {});
    else emitter.emit(parsed[0] === 2 ? "call" : "response", { outbound: false, payload: parsed });
  };
  const send = (frame: unknown[]) => {
    emitter.emit(frame[0] === 2 ? "call" : "response", { outbound: true, payload: frame });
    emitter.emit("message", { message: JSON.stringify(frame), outbound: true });
  };
  return { client: emitter as unknown as OcppClient, receive, send };
}

describe("recordFrames", () => {
  it("logs every frame once, in and out, with the action of its call and the payload", () => {
    const entries: OcppMessageEntry[] = [];
    const log: OcppMessageLog = {
      append: (e) => void entries.push(e),
      flush: async () => {},
      close: async () => {},
    };
    const { client, receive, send } = fakeClient();
    const at = new Date("2026-11-25T12:00:00Z");
    recordFrames(client, { providerId: "p", chargePointId: "CP1" }, log, { now: () => at });

    receive('[2,"m1","MeterValues",{"connectorId":1,"meterValue":[]}]');
    send([3, "m1", {}]);
    send([2, "c1", "Reset", { type: "Soft" }]);
    receive('[4,"c1","NotSupported","no",{}]');
    receive("[2,oops");
    receive('{"not":"an array"}');
    receive('[9,"x"]');

    expect(
      entries.map(({ direction, messageType, messageId, action, payload }) => ({
        direction,
        messageType,
        messageId,
        action,
        payload,
      })),
    ).toEqual([
      {
        direction: "in",
        messageType: 2,
        messageId: "m1",
        action: "MeterValues",
        payload: { connectorId: 1, meterValue: [] },
      },
      { direction: "out", messageType: 3, messageId: "m1", action: "MeterValues", payload: {} },
      { direction: "out", messageType: 2, messageId: "c1", action: "Reset", payload: { type: "Soft" } },
      {
        direction: "in",
        messageType: 4,
        messageId: "c1",
        action: "Reset",
        payload: { errorCode: "NotSupported", description: "no", details: {} },
      },
      { direction: "in", messageType: null, messageId: null, action: null, payload: { raw: "[2,oops" } },
      {
        direction: "in",
        messageType: null,
        messageId: null,
        action: null,
        payload: { raw: '{"not":"an array"}' },
      },
      { direction: "in", messageType: 9, messageId: "x", action: null, payload: { raw: [9, "x"] } },
    ]);
    expect(entries.every((e) => e.at === at && e.chargePointId === "CP1" && e.providerId === "p")).toBe(true);
  });
});
