import { type LoadModel, WEIGHT_SCALE } from "./load-model";

/**
 * Weighted water-filling in integer deciamps. A common level k rises; every admitted session sits at
 * clamp(floor(weight × k / WEIGHT_SCALE), min, cap), so priority 2 gets twice the share of priority 1
 * once both are above their minimum. When raising the level would overfill a constraint (a grid line),
 * that constraint's sessions freeze and the rest keep rising. A final round-robin hands out the
 * deciamps that flooring left, so no session below its cap has room on every constraint it loads.
 */
export function fillWater(
  model: LoadModel,
  admitted: readonly boolean[],
  capDa: readonly number[],
): number[] {
  const { sessions } = model;
  const limits = sessions.map((s, i) => (admitted[i] ? s.minDa : 0));
  let active = sessions.flatMap((_, i) => (admitted[i] ? [i] : []));
  const at = (level: number) => limitsAtLevel(model, limits, active, capDa, level);
  let level = 0; // feasible: admission fitted every minimum
  while (active.length > 0) {
    const top = topLevel(model, active, capDa);
    if (overfull(model, at(top)).length === 0) return topUp(model, at(top), admitted, capDa);
    level = highestFeasibleLevel(model, at, level, top);
    const full = new Set(overfull(model, at(level + 1)));
    limits.splice(0, limits.length, ...at(level));
    active = active.filter((i) => !sessions[i]!.constraints.some((c) => full.has(c)));
  }
  return topUp(model, limits, admitted, capDa);
}

function limitsAtLevel(
  model: LoadModel,
  limits: readonly number[],
  active: readonly number[],
  capDa: readonly number[],
  level: number,
): number[] {
  const result = [...limits];
  for (const i of active) {
    const { weight, minDa } = model.sessions[i]!;
    const product = weight * level; // exact: integers far below 2^53
    const share = (product - (product % WEIGHT_SCALE)) / WEIGHT_SCALE;
    result[i] = Math.min(capDa[i]!, Math.max(minDa, share));
  }
  return result;
}

/** The lowest level at which every active session has reached its cap. */
function topLevel(model: LoadModel, active: readonly number[], capDa: readonly number[]): number {
  let top = 0;
  for (const i of active)
    top = Math.max(top, Math.ceil((capDa[i]! * WEIGHT_SCALE) / model.sessions[i]!.weight));
  return top;
}

/** Binary search; feasibility is monotone because every session's limit is non-decreasing in the level. */
function highestFeasibleLevel(
  model: LoadModel,
  at: (level: number) => number[],
  feasible: number,
  infeasible: number,
): number {
  let lo = feasible;
  let hi = infeasible;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (overfull(model, at(mid)).length === 0) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Indices of constraints whose members' limits exceed the capacity. */
export function overfull(model: LoadModel, limits: readonly number[]): number[] {
  const result: number[] = [];
  model.constraints.forEach((c, index) => {
    if (load(c.members, limits) > c.capacityDa) result.push(index);
  });
  return result;
}

function load(members: readonly number[], limits: readonly number[]): number {
  let sum = 0;
  for (const i of members) sum += limits[i]!;
  return sum;
}

/**
 * Hands out what flooring the level left, one deciamp at a time, to the session that would then hold the
 * fewest deciamps per unit of weight and still has room on every constraint it loads.
 * This continues the weighted water-filling at 0.1 A resolution, so a car held at its minimum only gets
 * leftovers once the cars that are rising have caught up with it; it stops when nobody can take more.
 */
function topUp(
  model: LoadModel,
  limits: number[],
  admitted: readonly boolean[],
  capDa: readonly number[],
): number[] {
  const slack = model.constraints.map((c) => c.capacityDa - load(c.members, limits));
  for (;;) {
    const next = neediest(model, limits, admitted, capDa, slack);
    if (next === null) return limits;
    limits[next] = limits[next]! + 1;
    for (const c of model.sessions[next]!.constraints) slack[c] = slack[c]! - 1;
  }
}

function neediest(
  model: LoadModel,
  limits: readonly number[],
  admitted: readonly boolean[],
  capDa: readonly number[],
  slack: readonly number[],
): number | null {
  let best: number | null = null;
  model.sessions.forEach((session, i) => {
    if (!admitted[i] || limits[i]! >= capDa[i]!) return;
    if (!session.constraints.every((c) => slack[c]! >= 1)) return;
    if (best === null || needier(model, limits, i, best)) best = i;
  });
  return best;
}

/**
 * Whether session a should get the next deciamp before b: fewer deciamps per weight after the increment,
 * then before it (the one further below its share), then rank. Ratios compared by cross-multiplication.
 */
function needier(model: LoadModel, limits: readonly number[], a: number, b: number): boolean {
  const wa = model.sessions[a]!.weight;
  const wb = model.sessions[b]!.weight;
  const after = (limits[a]! + 1) * wb - (limits[b]! + 1) * wa;
  if (after !== 0) return after < 0;
  return limits[a]! * wb < limits[b]! * wa;
}
