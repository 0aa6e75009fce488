import { z } from "zod";
import type { App } from "../types";

export type Readiness = { ready: () => boolean };

export async function healthRoutes(app: App, readiness: Readiness) {
  const status = z.object({ status: z.string() });
  app.get("/healthz", { schema: { tags: ["health"], response: { 200: status } } }, async () => ({
    status: "ok",
  }));
  app.get(
    "/readyz",
    { schema: { tags: ["health"], response: { 200: status, 503: status } } },
    async (_req, reply) =>
      readiness.ready() ? { status: "ready" } : reply.status(503).send({ status: "starting" }),
  );
}
