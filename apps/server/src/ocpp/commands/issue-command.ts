import { createRequire } from "node:module";
import {
  AppError,
  type ChargePointCommand,
  type CoreDeps,
  type Principal,
  prepareChargePointCommand,
  recordChargePointCommand,
} from "@voltlane/core";
import { createValidator } from "ocpp-rpc";
import { gatewayOf } from "../gateway";

const require = createRequire(import.meta.url);
const validator = createValidator("ocpp1.6", require("ocpp-rpc/lib/schemas/ocpp1_6.json")) as {
  validate: (schemaId: string, params: unknown) => void;
};

/**
 * POST /charge-points/{id}/commands: params checked against the official schema (400), permission
 * and R32 in core, sent to the charge point wherever it is connected, audited with its answer.
 */
export async function issueChargePointCommand(
  core: CoreDeps,
  principal: Principal,
  command: ChargePointCommand & { timeoutSeconds?: number },
): Promise<unknown> {
  const gateway = gatewayOf(core);
  if (!gateway) throw new AppError("unavailable", "the OCPP gateway is not running");
  const params = await prepareChargePointCommand(core, principal, command);
  try {
    validator.validate(`urn:${command.type}.req`, params);
  } catch (error) {
    throw new AppError("validation_failed", `params are not a valid ${command.type} request`, {
      issues: (
        (error as { details?: { errors?: { instancePath: string; message?: string }[] } }).details?.errors ??
        []
      ).map((e) => ({
        path: `params${e.instancePath.replaceAll("/", ".")}`,
        message: e.message ?? "invalid",
      })),
    });
  }
  const sent = { ...command, params };
  try {
    const result = await gateway.router.send(
      command.chargePointId,
      command.type,
      params,
      (command.timeoutSeconds ?? 30) * 1000,
    );
    await recordChargePointCommand(core, principal, sent, { result });
    return result;
  } catch (error) {
    await recordChargePointCommand(core, principal, sent, {
      error: error instanceof AppError ? error.code : "internal",
    });
    throw error;
  }
}
