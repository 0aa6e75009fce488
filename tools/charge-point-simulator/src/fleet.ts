import { createChargePoint, type SimulatedChargePoint } from "./charge-point.ts";
import type { ChargePointOptions } from "./options.ts";
import type { SessionResult } from "./session-runner.ts";

export interface FleetOptions extends Omit<ChargePointOptions, "identity" | "url" | "password"> {
  count: number;
  url: string;
  identityPrefix: string;
  password?: string;
  /** idTags (RFID UIDs) the simulated drivers swipe. */
  cards: string[];
  /** Sessions each charge point runs before it rests; unlimited when omitted. */
  sessionsPerChargePoint?: number;
  timeScale?: number;
  energyWh?: [min: number, max: number];
  durationS?: [min: number, max: number];
  /** Simulated pause between sessions on a charge point. */
  pauseS?: [min: number, max: number];
  sampleEveryS?: number;
  /** Called as things happen, for a CLI or a demo log. */
  onEvent?: (event: FleetEvent) => void;
  random?: () => number;
}

export type FleetEvent =
  | { type: "online"; identity: string; status: string }
  | { type: "session"; identity: string; connectorId: number; idTag: string; result: SessionResult }
  | { type: "error"; identity: string; error: unknown }
  | { type: "done"; identity: string };

export interface FleetStats {
  chargePoints: number;
  online: number;
  messagesSent: number;
  sessionsCompleted: number;
  energyWh: number;
  errors: number;
}

export interface Fleet {
  readonly chargePoints: SimulatedChargePoint[];
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): FleetStats;
  /** Resolves when every charge point has run its sessions (never, without sessionsPerChargePoint). */
  finished(): Promise<void>;
}

/** N charge points, each connecting, booting and then running random sessions with the given cards. */
export function createFleet(options: FleetOptions): Fleet {
  const random = options.random ?? Math.random;
  const tally = { sessionsCompleted: 0, energyWh: 0, errors: 0 };
  const emit = options.onEvent ?? (() => undefined);
  let running = false;
  let loops: Promise<void>[] = [];
  const chargePoints = Array.from({ length: options.count }, (_, i) =>
    createChargePoint({
      ...options,
      identity: `${options.identityPrefix}${String(i + 1).padStart(3, "0")}`,
    }),
  );
  const pick = ([min, max]: [number, number]) => Math.round(min + random() * (max - min));
  const timeScale = options.timeScale ?? 60;

  async function driveChargePoint(cp: SimulatedChargePoint): Promise<void> {
    try {
      const boot = await cp.start();
      emit({ type: "online", identity: cp.identity, status: boot.status });
    } catch (error) {
      tally.errors++;
      emit({ type: "error", identity: cp.identity, error });
      return;
    }
    for (let n = 0; running && n < (options.sessionsPerChargePoint ?? Number.POSITIVE_INFINITY); n++) {
      await restFor(pick(options.pauseS ?? [30, 300]) / timeScale);
      if (!running) break;
      await runRandomSession(cp);
    }
    emit({ type: "done", identity: cp.identity });
  }

  async function runRandomSession(cp: SimulatedChargePoint): Promise<void> {
    const free = cp.connectors.filter((c) => c.id > 0 && !c.session && c.operative);
    const connector = free[Math.floor(random() * free.length)];
    const idTag = options.cards[Math.floor(random() * options.cards.length)];
    if (!connector || !idTag) return;
    try {
      const result = await cp.runSession({
        connectorId: connector.id,
        idTag,
        energyWh: pick(options.energyWh ?? [2_000, 30_000]),
        durationS: pick(options.durationS ?? [1_800, 4 * 3_600]),
        sampleEveryS: options.sampleEveryS ?? 300,
        timeScale,
      });
      if (result.transactionId !== undefined) tally.sessionsCompleted++;
      tally.energyWh += result.energyWh;
      emit({ type: "session", identity: cp.identity, connectorId: connector.id, idTag, result });
    } catch (error) {
      tally.errors++;
      emit({ type: "error", identity: cp.identity, error });
    }
  }

  return {
    chargePoints,
    async start() {
      running = true;
      loops = chargePoints.map((cp) => driveChargePoint(cp));
    },
    async stop() {
      running = false;
      await Promise.allSettled(chargePoints.map((cp) => cp.stopAllSessions("Local")));
      await Promise.allSettled(loops);
      await Promise.allSettled(chargePoints.map((cp) => cp.close()));
    },
    async finished() {
      await Promise.allSettled(loops);
    },
    stats() {
      return {
        chargePoints: chargePoints.length,
        online: chargePoints.filter((cp) => cp.online).length,
        messagesSent: chargePoints.reduce((sum, cp) => sum + cp.messagesSent, 0),
        ...tally,
      };
    },
  };
}

function restFor(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000).unref());
}
