import {
  apiTokenBodySchema,
  apiTokenResponseSchema,
  changePasswordBodySchema,
  loginBodySchema,
  loginResponseSchema,
  meSchema,
  otpBodySchema,
  otpEnrollResponseSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  viewAsBodySchema,
} from "@voltlane/contracts";
import {
  AppError,
  changePassword,
  confirmPasswordReset,
  confirmTotp,
  createApiToken,
  describeMe,
  disableTotp,
  enrollTotp,
  enterViewAs,
  leaveViewAs,
  login,
  requestPasswordReset,
  resolvePrincipal,
  revokeToken,
} from "@voltlane/core";
import { z } from "zod";
import { authOf, principalOf, sessionCookie, setSessionCookie } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["auth"];

export async function authRoutes(app: App, deps: ServerDeps) {
  const { core } = deps;
  // Login attempts are limited per client address on top of the per-account lockout.
  const loginLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };

  app.post(
    "/auth/login",
    { schema: { tags, body: loginBodySchema, response: { 200: loginResponseSchema } }, config: loginLimit },
    async (request, reply) => {
      const result = await login(core, request.body);
      const auth = await resolvePrincipal(core.db, core.clock, result.sessionToken);
      if (!auth) throw new AppError("invalid_credentials", "e-mail or password is wrong");
      setSessionCookie(reply, deps, result.sessionToken, result.expiresAt);
      return { user: await describeMe(core.db, auth) };
    },
  );

  app.post("/auth/logout", { schema: { tags } }, async (request, reply) => {
    if (request.auth?.tokenKind === "session") await revokeToken(core.db, request.auth.tokenId);
    reply.clearCookie(sessionCookie, { path: "/" });
    return reply.status(204).send();
  });

  app.get("/me", { schema: { tags, response: { 200: meSchema } } }, async (request) => {
    principalOf(request, { allowEnrollment: true });
    return describeMe(core.db, authOf(request));
  });

  app.post("/auth/password", { schema: { tags, body: changePasswordBodySchema } }, async (request, reply) => {
    await changePassword(core, principalOf(request), request.body);
    return reply.status(204).send();
  });

  app.post(
    "/auth/password-reset",
    { schema: { tags, body: passwordResetRequestSchema }, config: loginLimit },
    async (request, reply) => {
      await requestPasswordReset(core, request.body);
      return reply.status(202).send({ status: "accepted" });
    },
  );

  app.post(
    "/auth/password-reset/confirm",
    { schema: { tags, body: passwordResetConfirmSchema }, config: loginLimit },
    async (request, reply) => {
      await confirmPasswordReset(core, request.body);
      return reply.status(204).send();
    },
  );

  const self = (request: Parameters<typeof principalOf>[0]) => {
    const p = principalOf(request, { allowEnrollment: true });
    if (p.kind === "customer" && p.viewAsBy)
      throw new AppError("view_as_read_only", "viewing as a customer is read-only");
    return p as Exclude<typeof p, { viewAsBy: string }> & { viewAsBy?: undefined };
  };

  app.post(
    "/auth/otp/enroll",
    { schema: { tags, response: { 200: otpEnrollResponseSchema } } },
    async (request) => enrollTotp(core, self(request), "Voltlane"),
  );
  app.post("/auth/otp/verify", { schema: { tags, body: otpBodySchema } }, async (request, reply) => {
    await confirmTotp(core, self(request), request.body.otp);
    return reply.status(204).send();
  });
  app.post("/auth/otp/disable", { schema: { tags, body: otpBodySchema } }, async (request, reply) => {
    await disableTotp(core, self(request), request.body.otp);
    return reply.status(204).send();
  });

  app.post(
    "/api-tokens",
    { schema: { tags, body: apiTokenBodySchema, response: { 201: apiTokenResponseSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(core, principalOf(request), request.body)),
  );

  app.post(
    "/view-as",
    { schema: { tags, body: viewAsBodySchema, response: { 200: meSchema } } },
    async (request) => {
      const auth = authOf(request);
      principalOf(request);
      if (!auth.systemPrincipal) throw new AppError("forbidden", "only system users view as a customer");
      await enterViewAs(core, auth.systemPrincipal, auth.tokenId, request.body.customerId);
      return describeMe(core.db, (await reload(request))!);
    },
  );

  app.delete("/view-as", { schema: { tags, response: { 200: meSchema } } }, async (request) => {
    const auth = authOf(request);
    if (!auth.systemPrincipal) throw new AppError("forbidden", "only system users view as a customer");
    await leaveViewAs(core, auth.systemPrincipal, auth.tokenId);
    return describeMe(core.db, (await reload(request))!);
  });

  async function reload(request: Parameters<typeof principalOf>[0]) {
    const header = request.headers.authorization;
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : request.cookies[sessionCookie];
    return token ? resolvePrincipal(core.db, core.clock, token) : null;
  }
}

export const okSchema = z.object({ status: z.string() });
