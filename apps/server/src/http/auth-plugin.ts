import { AppError, type Principal, type ResolvedAuth, resolvePrincipal } from "@voltlane/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App, ServerDeps } from "./types";

export const sessionCookie = "vl_session";

declare module "fastify" {
  interface FastifyRequest {
    auth: ResolvedAuth | null;
  }
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return request.cookies[sessionCookie];
}

/** API routes anyone may call; every other /api/v1 route answers 401 before looking at the body. */
const publicRoutes = new Set([
  "/api/v1/auth/login",
  "/api/v1/auth/logout",
  "/api/v1/auth/password-reset",
  "/api/v1/auth/password-reset/confirm",
]);

/** Resolves the session cookie or bearer token once per request; routes then ask `principalOf`. */
export function registerAuth(app: App, deps: ServerDeps) {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    const token = tokenOf(request);
    if (token) request.auth = await resolvePrincipal(deps.core.db, deps.core.clock, token);
  });
  app.addHook("preValidation", async (request) => {
    const route = request.routeOptions.url ?? "";
    if (!request.auth && route.startsWith("/api/v1/") && !publicRoutes.has(route)) {
      throw new AppError("unauthenticated", "log in first");
    }
  });
}

/** The acting principal; 401 without one, 403 until a required second factor is enrolled (R6). */
export function principalOf(request: FastifyRequest, options: { allowEnrollment?: boolean } = {}): Principal {
  const auth = request.auth;
  if (!auth) throw new AppError("unauthenticated", "log in first");
  if (auth.otpEnrollmentRequired && !options.allowEnrollment) {
    throw new AppError("otp_enrollment_required", "set up two-factor authentication first");
  }
  return auth.principal;
}

export function authOf(request: FastifyRequest): ResolvedAuth {
  if (!request.auth) throw new AppError("unauthenticated", "log in first");
  return request.auth;
}

export function setSessionCookie(reply: FastifyReply, deps: ServerDeps, token: string, expires: Date) {
  reply.setCookie(sessionCookie, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.trustProxy ? "auto" : false,
    expires,
  });
}
