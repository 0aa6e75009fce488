import type { CoreDeps } from "../platform/deps";

/** What happened to a charging session; emitted only after the database transaction committed. */
export type SessionEventMap = {
  started: {
    providerId: string;
    chargePointId: string;
    connectorId: number;
    transactionId: string;
    ocppTransactionId: number;
    /** `active`, or `invalid` when R32 refused the card (the charger stops it). */
    status: string;
  };
  stopped: {
    providerId: string;
    chargePointId: string;
    connectorId: number;
    transactionId: string;
    ocppTransactionId: number;
    status: string;
  };
  meterValues: {
    providerId: string;
    chargePointId: string;
    connectorId: number;
    transactionId: string | null;
  };
  /** A connector reported a status (new connectors appear this way, W1 step 2). */
  status: { providerId: string; chargePointId: string; connectorId: number; status: string };
  /** A BootNotification was handled: the charger may have lost its profiles and local list. */
  booted: { providerId: string; chargePointId: string };
};
export type SessionEventType = keyof SessionEventMap;
type Listener<K extends SessionEventType> = (event: SessionEventMap[K]) => void;

export type SessionEvents = {
  /** Returns the unsubscribe function. Listeners run synchronously: defer any real work. */
  on: <K extends SessionEventType>(type: K, listener: Listener<K>) => () => void;
  emit: <K extends SessionEventType>(type: K, event: SessionEventMap[K]) => void;
};

function createSessionEvents(): SessionEvents {
  const listeners = new Map<SessionEventType, Set<Listener<never>>>();
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(listener as Listener<never>);
      return () => set.delete(listener as Listener<never>);
    },
    emit(type, event) {
      for (const listener of listeners.get(type) ?? []) {
        try {
          (listener as Listener<typeof type>)(event);
        } catch {
          // A listener's failure must not undo a committed change; periodic jobs catch up.
        }
      }
    },
  };
}

// One hub per running core (a server, a test), so that two servers in one process never mix.
const hubs = new WeakMap<CoreDeps, SessionEvents>();

/**
 * The session event hub of this core: sessions emit, smart charging (issue #7) and others listen.
 * In-process only; other processes learn of changes through their periodic sweeps.
 */
export function sessionEventsOf(deps: CoreDeps): SessionEvents {
  let hub = hubs.get(deps);
  if (!hub) {
    hub = createSessionEvents();
    hubs.set(deps, hub);
  }
  return hub;
}
