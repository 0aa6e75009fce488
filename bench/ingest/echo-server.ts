import { RPCServer } from "ocpp-rpc";

/**
 * The ceiling: a bare OCPP-J server on the same RPC library and settings as the gateway (ocpp-rpc,
 * strict mode = every frame validated against the OCPP 1.6 schemas), answering without any work.
 * Started as a child process by the ingest benchmark; PORT from the environment.
 */
const server = new RPCServer({
  protocols: ["ocpp1.6"],
  strictMode: true,
  pingIntervalMs: 30_000,
} as ConstructorParameters<typeof RPCServer>[0]);
server.on("error", () => {});
let nextTransactionId = 1;
server.on("client", (client) => {
  client.on("socketError", () => {});
  client.handle("BootNotification", () => ({
    status: "Accepted",
    currentTime: new Date().toISOString(),
    interval: 60,
  }));
  client.handle("Heartbeat", () => ({ currentTime: new Date().toISOString() }));
  client.handle("StartTransaction", () => ({
    transactionId: nextTransactionId++,
    idTagInfo: { status: "Accepted" },
  }));
  client.handle("MeterValues", () => ({}));
});
await server.listen(Number(process.env.PORT), "127.0.0.1");
process.send?.({ ready: true });
