import type { Clock, OcppMessageLog } from "@voltlane/core";
import type { OcppClient } from "./rpc-server";

/**
 * Writes every frame of one connection to the OCPP log (batched). CALLRESULT and CALLERROR frames carry
 * no action, so the action of each open call is remembered by message id and direction.
 */
export function recordFrames(
  client: OcppClient,
  target: { providerId: string; chargePointId: string },
  log: OcppMessageLog,
  clock: Clock,
) {
  const openCalls = new Map<string, string>();
  client.on("message", ({ message, outbound }) => {
    const text = message.toString();
    const frame = parseFrame(text);
    const direction = outbound ? "out" : "in";
    let action: string | null = null;
    if (frame.type === 2 && frame.id) {
      action = frame.action;
      if (action) openCalls.set(`${direction}:${frame.id}`, action);
    } else if ((frame.type === 3 || frame.type === 4) && frame.id) {
      // A reply travels the other way from its call.
      const key = `${outbound ? "in" : "out"}:${frame.id}`;
      action = openCalls.get(key) ?? null;
      openCalls.delete(key);
    }
    log.append({
      ...target,
      direction,
      messageType: frame.type,
      messageId: frame.id,
      action,
      payload: frame.payload,
      at: clock.now(),
    });
  });
}

const MAX_LOGGED_CHARS = 64 * 1024;

function parseFrame(text: string): {
  type: number | null;
  id: string | null;
  action: string | null;
  payload: unknown;
} {
  try {
    const parsed = JSON.parse(text) as unknown[];
    if (!Array.isArray(parsed)) throw new Error("not an array");
    const type = typeof parsed[0] === "number" ? parsed[0] : null;
    const id = typeof parsed[1] === "string" ? parsed[1] : null;
    if (type === 2)
      return {
        type,
        id,
        action: typeof parsed[2] === "string" ? parsed[2] : null,
        payload: parsed[3] ?? null,
      };
    if (type === 3) return { type, id, action: null, payload: parsed[2] ?? null };
    if (type === 4)
      return {
        type,
        id,
        action: null,
        payload: { errorCode: parsed[2], description: parsed[3], details: parsed[4] },
      };
    return { type, id, action: null, payload: { raw: parsed } };
  } catch {
    // Malformed frames are logged too: they are what one wants to see when debugging a charger.
    return {
      type: null,
      id: null,
      action: null,
      payload: { raw: text.slice(0, MAX_LOGGED_CHARS).replaceAll("\u0000", "") },
    };
  }
}
