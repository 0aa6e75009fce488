import { authTokens } from "@voltlane/db";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import type { Principal } from "./principal";
import { newToken } from "./tokens";

/** An API token acts with the same permissions as the user who made it. */
export async function createApiToken(
  deps: CoreDeps,
  p: Principal,
  input: { name: string; expiresInDays: number },
) {
  if (p.kind === "customer" && p.viewAsBy)
    throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  const { token, hash } = newToken("vlt");
  const expiresAt = new Date(deps.clock.now().getTime() + input.expiresInDays * 86_400_000);
  const [row] = await deps.db
    .insert(authTokens)
    .values({
      providerId: p.providerId,
      kind: "api",
      tokenHash: hash,
      userKind: p.kind,
      userId: p.userId,
      name: input.name,
      expiresAt,
    })
    .returning({ id: authTokens.id });
  await recordAudit(deps.db, p, {
    action: "api_token.create",
    entityType: "api_token",
    entityId: row!.id,
    after: { name: input.name },
  });
  return { id: row!.id, token, name: input.name, expiresAt: expiresAt.toISOString() };
}
