import { randomBytes } from "node:crypto";
import { request } from "node:http";

/** Attempts a websocket upgrade and reports the HTTP status (101 when the upgrade was accepted). */
export function probeUpgrade(
  baseUrl: string,
  path: string,
  auth?: { user: string; password: string },
): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Protocol": "ocpp1.6",
        ...(auth
          ? { Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString("base64")}` }
          : {}),
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server destroys non-OCPP upgrades without an answer.
    req.on("error", () => resolve(0));
    req.end();
  });
}
