import { authTokens, loginUsers, providers, systemUsers } from "@voltlane/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import { enqueueNotification } from "../notifications/enqueue-notification";
import type { CoreDeps } from "../platform/deps";
import { hashPassword, verifyPassword } from "./passwords";
import type { Principal } from "./principal";
import { hashToken, newToken } from "./tokens";

const resetMinutes = 60;
const invitationDays = 7;

function tableOf(kind: string) {
  return kind === "system" ? systemUsers : loginUsers;
}

export async function changePassword(
  deps: CoreDeps,
  p: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (p.kind === "customer" && p.viewAsBy)
    throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  const table = tableOf(p.kind);
  const [user] = await deps.db.select().from(table).where(eq(table.id, p.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "the current password is wrong", [
      { path: "currentPassword", message: "wrong password" },
    ]);
  }
  await deps.db
    .update(table)
    .set({ passwordHash: await hashPassword(input.newPassword) })
    .where(eq(table.id, p.userId));
  await recordAudit(deps.db, p, {
    action: "user.password_change",
    entityType: p.kind === "system" ? "system_user" : "login_user",
    entityId: p.userId,
  });
}

/**
 * Queues a one-time link by e-mail (through the outbox). Always answers the same, so it does
 * not reveal which addresses have an account.
 */
export async function requestPasswordReset(
  deps: CoreDeps,
  input: { email: string; provider?: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const users = [
    ...(await deps.db.select().from(systemUsers).where(eq(systemUsers.email, email))).map((u) => ({
      ...u,
      kind: "system" as const,
    })),
    ...(await deps.db.select().from(loginUsers).where(eq(loginUsers.email, email))).map((u) => ({
      ...u,
      kind: "customer" as const,
    })),
  ];
  for (const user of users) {
    const [provider] = await deps.db.select().from(providers).where(eq(providers.id, user.providerId));
    if (!provider || (input.provider && provider.slug !== input.provider)) continue;
    await issueSetPasswordLink(
      deps,
      { ...user, userKind: user.kind },
      "password_reset",
      resetMinutes * 60_000,
    );
  }
}

/** An e-mailed link to set a password: password reset, or the invitation of a new login. */
export async function issueSetPasswordLink(
  deps: CoreDeps,
  user: {
    id: string;
    providerId: string;
    email: string;
    name: string;
    language: string;
    userKind: "system" | "customer";
  },
  template: "password_reset" | "invitation",
  validMs = invitationDays * 86_400_000,
): Promise<void> {
  const { token, hash } = newToken("vlr");
  await deps.db.transaction(async (tx) => {
    await tx.insert(authTokens).values({
      providerId: user.providerId,
      kind: "password_reset",
      tokenHash: hash,
      userKind: user.userKind,
      userId: user.id,
      expiresAt: new Date(deps.clock.now().getTime() + validMs),
    });
    const [provider] = await tx.select().from(providers).where(eq(providers.id, user.providerId));
    await enqueueNotification(tx, {
      providerId: user.providerId,
      channel: "email",
      template,
      language: user.language,
      recipient: { kind: user.userKind, id: user.id, email: user.email },
      payload: {
        name: user.name,
        provider: provider?.name ?? "Voltlane",
        link: `${deps.publicUrl.replace(/\/$/, "")}/reset-password?token=${encodeURIComponent(token)}`,
      },
    });
  });
}

export async function confirmPasswordReset(
  deps: CoreDeps,
  input: { token: string; newPassword: string },
): Promise<void> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(authTokens.tokenHash, hashToken(input.token)),
          eq(authTokens.kind, "password_reset"),
          gt(authTokens.expiresAt, now),
          isNull(authTokens.usedAt),
        ),
      )
      .returning();
    if (!row)
      throw new AppError("validation_failed", "the link is invalid or has expired", [
        { path: "token", message: "invalid or expired" },
      ]);
    const table = tableOf(row.userKind);
    await tx
      .update(table)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(eq(table.id, row.userId));
    // A new password ends every open session of that user.
    await tx.delete(authTokens).where(and(eq(authTokens.userId, row.userId), eq(authTokens.kind, "session")));
    await recordAudit(
      tx,
      { kind: "job", providerId: row.providerId, name: "password-reset" },
      {
        action: "user.password_reset",
        entityType: row.userKind === "system" ? "system_user" : "login_user",
        entityId: row.userId,
      },
    );
  });
}
