import { type ErrorCode, errorStatus } from "@voltlane/contracts";
import { AppError } from "@voltlane/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

type Body = { error: { code: string; message: string; details?: unknown } };

function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  const body: Body = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return reply.status(errorStatus[code]).send(body);
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
};

/** The one error format of API.md; 5xx details are logged, never sent. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
      message: v.message ?? "invalid",
    }));
    return send(reply, "validation_failed", "the request is not valid", details);
  }
  if (error instanceof AppError) {
    if (errorStatus[error.code] >= 500) request.log.error({ err: error }, "server error");
    return send(reply, error.code, error.message, error.details);
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return send(reply, mapped, error.message);
  if (error instanceof SyntaxError || (error as { type?: string }).type === "entity.parse.failed") {
    return send(reply, "invalid_json", "the body is not valid JSON");
  }
  if (error.statusCode === 429) return send(reply, "rate_limited", "too many requests; slow down");
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode =
      error.statusCode === 404
        ? "not_found"
        : error.statusCode === 413
          ? "body_too_large"
          : "validation_failed";
    return send(reply, code, error.message);
  }
  request.log.error({ err: error }, "unhandled error");
  return send(reply, "internal", "something went wrong on our side");
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, "not_found", `no route ${request.method} ${request.url.split("?")[0]}`);
}
