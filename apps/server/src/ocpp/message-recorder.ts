import type { Clock, OcppMessageLog } from "@voltlane/core";
import type { OcppClient } from "./rpc-server";

type Frame = { type: number | null; id: string | null; action: string | null; payload: unknown };

/**
 * Writes every frame of one connection to the OCPP log (batched). CALLRESULT and CALLERROR frames carry
 * no action, so the action of each open call is remembered by message id and direction.
 *
 * An inbound frame that ocpp-rpc could read arrives parsed with its `call` or `response` event (it
 * is not parsed a second time here, issue #8); one it could not read comes as `badMessage` and is
 * logged from its text. Outbound frames are logged from the text that went out.
 */
export function recordFrames(
  client: OcppClient,
  target: { providerId: string; chargePointId: string },
  log: OcppMessageLog,
  clock: Clock,
) {
  const openCalls = new Map<string, string>();
  let inboundText = "";

  function record(outbound: boolean, frame: Frame) {
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
      providerId: target.providerId,
      chargePointId: target.chargePointId,
      direction,
      messageType: frame.type,
      messageId: frame.id,
      action,
      payload: frame.payload,
      at: clock.now(),
    });
  }

  client.on("message", ({ message, outbound }) => {
    if (outbound) record(true, parseFrame(message.toString()));
    else inboundText = message.toString();
  });
  // ocpp-rpc emits exactly one of these after each inbound `message` (synchronously, in its handler).
  const recordParsed = ({ outbound, payload }: { outbound: boolean; payload: unknown[] }) => {
    if (!outbound) record(false, frameOf(payload));
  };
  client.on("call", recordParsed);
  client.on("response", recordParsed);
  client.on("badMessage", () => record(false, parseFrame(inboundText)));
}

const MAX_LOGGED_CHARS = 64 * 1024;

/** The logged parts of a frame that parsed as a JSON array. */
function frameOf(parsed: unknown[]): Frame {
  const type = typeof parsed[0] === "number" ? parsed[0] : null;
  const id = typeof parsed[1] === "string" ? parsed[1] : null;
  if (type === 2)
    return { type, id, action: typeof parsed[2] === "string" ? parsed[2] : null, payload: parsed[3] ?? null };
  if (type === 3) return { type, id, action: null, payload: parsed[2] ?? null };
  if (type === 4)
    return {
      type,
      id,
      action: null,
      payload: { errorCode: parsed[2], description: parsed[3], details: parsed[4] },
    };
  return { type, id, action: null, payload: { raw: parsed } };
}

function parseFrame(text: string): Frame {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) throw new Error("not an array");
    return frameOf(parsed);
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
