import { loginUsers, systemUsers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import type { CustomerPrincipal, SystemPrincipal } from "./principal";
import { decryptSecret, encryptSecret } from "./tokens";

/** Checks a 6-digit code against an encrypted seed, one 30 s step of tolerance each way. */
export async function verifyTotp(deps: CoreDeps, sealedSecret: string, otp: string): Promise<boolean> {
  const secret = decryptSecret(deps.secretKey, sealedSecret);
  const epoch = Math.floor(deps.clock.now().getTime() / 1000);
  const result = await verify({ secret, token: otp, epoch, epochTolerance: 30 });
  return result.valid;
}

type Self = SystemPrincipal | (CustomerPrincipal & { viewAsBy?: undefined });

function tableOf(p: Self) {
  return p.kind === "system" ? systemUsers : loginUsers;
}

async function load(deps: CoreDeps, p: Self) {
  const table = tableOf(p);
  const [row] = await deps.db.select().from(table).where(eq(table.id, p.userId));
  if (!row) throw new AppError("not_found", "user not found");
  return row;
}

/** Starts enrolment: a new seed is stored (not yet active) and shown once. */
export async function enrollTotp(deps: CoreDeps, p: Self, issuer: string) {
  const user = await load(deps, p);
  const enabled =
    p.kind === "system"
      ? (user as typeof systemUsers.$inferSelect).otpEnrolledAt !== null
      : (user as typeof loginUsers.$inferSelect).otpEnabled;
  if (enabled) throw new AppError("conflict", "two-factor authentication is already enabled");
  const secret = generateSecret();
  const table = tableOf(p);
  await deps.db
    .update(table)
    .set({ otpSecret: encryptSecret(deps.secretKey, secret) })
    .where(eq(table.id, p.userId));
  return { secret, otpauthUrl: generateURI({ issuer, label: user.email, secret }) };
}

/** Confirms enrolment with a first valid code (R6). */
export async function confirmTotp(deps: CoreDeps, p: Self, otp: string): Promise<void> {
  const user = await load(deps, p);
  if (!user.otpSecret || !(await verifyTotp(deps, user.otpSecret, otp))) {
    throw new AppError("validation_failed", "the code is not valid", [
      { path: "otp", message: "invalid code" },
    ]);
  }
  if (p.kind === "system") {
    await deps.db
      .update(systemUsers)
      .set({ otpEnrolledAt: deps.clock.now() })
      .where(eq(systemUsers.id, p.userId));
  } else {
    await deps.db.update(loginUsers).set({ otpEnabled: true }).where(eq(loginUsers.id, p.userId));
  }
  await recordAudit(deps.db, p, {
    action: "user.otp_enable",
    entityType: p.kind === "system" ? "system_user" : "login_user",
    entityId: p.userId,
  });
}

export async function disableTotp(deps: CoreDeps, p: Self, otp: string): Promise<void> {
  const user = await load(deps, p);
  if (!user.otpSecret || !(await verifyTotp(deps, user.otpSecret, otp))) {
    throw new AppError("validation_failed", "the code is not valid", [
      { path: "otp", message: "invalid code" },
    ]);
  }
  if (p.kind === "system") {
    await deps.db
      .update(systemUsers)
      .set({ otpEnrolledAt: null, otpSecret: null })
      .where(eq(systemUsers.id, p.userId));
  } else {
    await deps.db
      .update(loginUsers)
      .set({ otpEnabled: false, otpSecret: null })
      .where(eq(loginUsers.id, p.userId));
  }
  await recordAudit(deps.db, p, {
    action: "user.otp_disable",
    entityType: p.kind === "system" ? "system_user" : "login_user",
    entityId: p.userId,
  });
}
