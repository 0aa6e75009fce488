import type { LoadModel } from "./load-model";

/**
 * Decides who charges. In rank order each session is admitted when its minimum still fits on every
 * constraint above it next to the minimums already admitted; otherwise it is paused (limit 0) instead of
 * dropping anybody below the OCPP minimum. So a session is paused only for higher-ranked sessions — lower
 * priority first, then later arrival — and a full sub-grid never pauses a car elsewhere.
 */
export function admitSessions(model: LoadModel): boolean[] {
  const slack = model.constraints.map((c) => c.capacityDa);
  return model.sessions.map((session) => {
    if (session.maxDa < session.minDa) return false; // the charger cannot offer the minimum
    if (!session.constraints.every((c) => slack[c]! >= session.minDa)) return false;
    for (const c of session.constraints) slack[c] = slack[c]! - session.minDa;
    return true;
  });
}
