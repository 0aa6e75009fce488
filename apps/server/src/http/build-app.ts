import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerAuth } from "./auth-plugin";
import { errorHandler, notFoundHandler } from "./error-handler";
import { healthRoutes, type Readiness } from "./routes/health.routes";
import { apiRoutes } from "./routes/index";
import type { App, ServerDeps } from "./types";

export type BuildOptions = {
  logger: FastifyBaseLogger | boolean;
  readiness?: Readiness;
};

const defaultWebDist = resolve(import.meta.dirname, "../../../web/dist");

/** The HTTP application: API, OpenAPI docs and the built web app, on one Fastify instance. */
export async function buildApp(deps: ServerDeps, options: BuildOptions): Promise<App> {
  const app = Fastify({
    ...(typeof options.logger === "boolean"
      ? { logger: options.logger }
      : { loggerInstance: options.logger }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: "Voltlane API", version: "1.0.0", description: "Charge point management platform" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "vl_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, deps);
  await healthRoutes(app, options.readiness ?? { ready: () => true });
  await app.register(
    async (api) => {
      for (const routes of apiRoutes) await routes(api as App, deps);
    },
    { prefix: "/api/v1" },
  );

  const webDist = deps.config.webDist ?? defaultWebDist;
  const hasWeb = existsSync(join(webDist, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // The web app routes on the client: unknown page paths get its index.html.
    if (hasWeb && request.method === "GET" && !path.startsWith("/api/") && !path.startsWith("/ocpp")) {
      return reply.sendFile("index.html");
    }
    return notFoundHandler(request, reply);
  });
  return app;
}
