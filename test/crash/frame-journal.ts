/** An acknowledged call as the charge point saw it: what it sent and the CALLRESULT it received. */
export type AckedCall = { action: string; params: any; result: any; at: number };

/**
 * Pairs every CALL a charge point sent with the CALLRESULT it received (by message id), from the
 * simulator's frame log: the ground truth of what the server acknowledged.
 */
export function createFrameJournal() {
  const open = new Map<string, { action: string; params: unknown }>();
  const acked: AckedCall[] = [];
  const sent: { action: string; params: any }[] = [];
  const errors: { action: string; params: unknown; error: unknown }[] = [];
  return {
    acked,
    sent,
    /** CALLERRORs the charge points received. */
    errors,
    log(direction: "in" | "out", frame: string) {
      let parsed: unknown[];
      try {
        parsed = JSON.parse(frame);
      } catch {
        return;
      }
      if (direction === "out" && parsed[0] === 2) {
        const call = { action: parsed[2] as string, params: parsed[3] };
        open.set(parsed[1] as string, call);
        sent.push(call);
      } else if (direction === "in" && parsed[0] === 3) {
        const call = open.get(parsed[1] as string);
        if (call) acked.push({ ...call, result: parsed[2], at: Date.now() });
        open.delete(parsed[1] as string);
      } else if (direction === "in" && parsed[0] === 4) {
        const call = open.get(parsed[1] as string);
        errors.push({ action: call?.action ?? "?", params: call?.params, error: parsed.slice(2) });
        open.delete(parsed[1] as string);
      }
    },
    ackedOf(action: string) {
      return acked.filter((a) => a.action === action);
    },
    sentOf(action: string) {
      return sent.filter((s) => s.action === action);
    },
  };
}
