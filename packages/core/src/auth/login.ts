import { authTokens, type Db, loginUsers, providers, systemUsers } from "@voltlane/db";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { verifyPassword } from "./passwords";
import { newToken } from "./tokens";
import { verifyTotp } from "./totp";

export const maxFailedLogins = 5;
export const lockoutMinutes = 15;
export const sessionHours = 12;

type Candidate = {
  userKind: "system" | "customer";
  id: string;
  providerId: string;
  passwordHash: string | null;
  enabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  otpSecret: string | null;
  otpOn: boolean;
};

async function findCandidates(db: Db, email: string, providerSlug?: string): Promise<Candidate[]> {
  const normalized = email.trim().toLowerCase();
  const providerFilter = providerSlug ? eq(providers.slug, providerSlug) : sql`true`;
  const staff = await db
    .select({ u: systemUsers })
    .from(systemUsers)
    .innerJoin(providers, eq(providers.id, systemUsers.providerId))
    .where(and(eq(systemUsers.email, normalized), providerFilter));
  const logins = await db
    .select({ u: loginUsers })
    .from(loginUsers)
    .innerJoin(providers, eq(providers.id, loginUsers.providerId))
    .where(and(eq(loginUsers.email, normalized), providerFilter));
  return [
    ...staff.map(({ u }) => ({
      userKind: "system" as const,
      id: u.id,
      providerId: u.providerId,
      passwordHash: u.passwordHash,
      enabled: u.status === "active",
      failedLogins: u.failedLogins,
      lockedUntil: u.lockedUntil,
      otpSecret: u.otpSecret,
      otpOn: u.otpEnrolledAt !== null,
    })),
    ...logins.map(({ u }) => ({
      userKind: "customer" as const,
      id: u.id,
      providerId: u.providerId,
      passwordHash: u.passwordHash,
      enabled: u.enabled,
      failedLogins: u.failedLogins,
      lockedUntil: u.lockedUntil,
      otpSecret: u.otpSecret,
      otpOn: u.otpEnabled,
    })),
  ];
}

function tableOf(kind: Candidate["userKind"]) {
  return kind === "system" ? systemUsers : loginUsers;
}

async function recordFailure(deps: CoreDeps, c: Candidate): Promise<void> {
  const failed = c.failedLogins + 1;
  const lock = failed >= maxFailedLogins;
  const table = tableOf(c.userKind);
  await deps.db
    .update(table)
    .set({
      failedLogins: lock ? 0 : failed,
      lockedUntil: lock ? new Date(deps.clock.now().getTime() + lockoutMinutes * 60_000) : c.lockedUntil,
    })
    .where(eq(table.id, c.id));
}

export type LoginInput = { email: string; password: string; otp?: string; provider?: string };
export type LoginResult = {
  userKind: "system" | "customer";
  userId: string;
  sessionToken: string;
  expiresAt: Date;
};

/**
 * Password (and TOTP where enabled) → a new session. Unknown e-mail and wrong password answer the
 * same; repeated failures lock the account for a while.
 */
export async function login(deps: CoreDeps, input: LoginInput): Promise<LoginResult> {
  const now = deps.clock.now();
  const candidates = await findCandidates(deps.db, input.email, input.provider);
  let match: Candidate | undefined;
  for (const c of candidates.slice(0, 3)) {
    if (await verifyPassword(c.passwordHash, input.password)) {
      match = c;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(null, input.password);
  const locked = (c: Candidate) => c.lockedUntil !== null && c.lockedUntil > now;
  if (!match) {
    for (const c of candidates) if (!locked(c)) await recordFailure(deps, c);
    if (candidates.some(locked))
      throw new AppError("account_locked", "too many failed attempts; try again later");
    throw new AppError("invalid_credentials", "e-mail or password is wrong");
  }
  if (locked(match)) throw new AppError("account_locked", "too many failed attempts; try again later");
  if (!match.enabled) throw new AppError("invalid_credentials", "e-mail or password is wrong");
  if (match.otpOn && match.otpSecret) {
    if (!input.otp) throw new AppError("otp_required", "enter the code from your authenticator app");
    if (!(await verifyTotp(deps, match.otpSecret, input.otp))) {
      await recordFailure(deps, match);
      throw new AppError("otp_required", "the code is not valid");
    }
  }
  const table = tableOf(match.userKind);
  await deps.db
    .update(table)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(table.id, match.id));
  const { token, hash } = newToken("vls");
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await deps.db.insert(authTokens).values({
    providerId: match.providerId,
    kind: "session",
    tokenHash: hash,
    userKind: match.userKind,
    userId: match.id,
    expiresAt,
  });
  return { userKind: match.userKind, userId: match.id, sessionToken: token, expiresAt };
}

export async function revokeToken(db: Db, tokenId: string): Promise<void> {
  await db.delete(authTokens).where(eq(authTokens.id, tokenId));
}
