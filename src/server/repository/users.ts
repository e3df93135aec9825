import { z } from "zod";
import { hashPassword } from "@/server/auth/passwords";
import { newUserId } from "@/server/auth/tokens";
import { firstRow } from "@/server/db/rows";
import type { TDb, TQueryable } from "@/server/db/types";
import { appendAudit } from "@/server/edits/audit-log";
import { withEditLock } from "@/server/edits/run-edit";
import { systemActor } from "@/server/edits/system-actor";
import type { TAuditActor } from "@/shared/schemas/audit";
import { type TRole, type TUser, ZRole, ZUser } from "@/shared/schemas/auth";
import { listPage, type TPage } from "./sql";

/*
 * Users. The password hash never leaves this module except to the sign-in check (`findForLogin`); every
 * other read builds the contract's ZUser, which has no field for it. Writes are one transaction each,
 * under the edit lock, together with their audit entry (the ZUser before and after — never the hash; a
 * password that was set shows only as `passwordChanged: true`).
 */

/** A timestamptz as JavaScript's toISOString() prints it (UTC, milliseconds). */
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const userJson = (u: string) => `jsonb_build_object(
  'id', ${u}.id, 'username', ${u}.username, 'displayName', ${u}.display_name, 'role', ${u}.role,
  'disabled', ${u}.disabled, 'createdAt', ${isoTime(`${u}.created_at`)}, 'version', ${u}.version
)`;

const ZUserItem = z.object({ item: ZUser });
const ZCount = z.object({ n: z.coerce.number().int() });

export const listUsers = (db: TQueryable, page: TPage) =>
  listPage(
    db,
    ZUser,
    { item: userJson("u"), from: "users u", where: "true", orderBy: "u.username", params: [] },
    page,
  );

export const getUser = async (db: TQueryable, id: string): Promise<TUser | null> =>
  (await firstRow(db, ZUserItem, `SELECT ${userJson("u")} AS item FROM users u WHERE u.id = $1`, [id]))
    ?.item ?? null;

export const getUserByUsername = async (db: TQueryable, username: string): Promise<TUser | null> =>
  (
    await firstRow(db, ZUserItem, `SELECT ${userJson("u")} AS item FROM users u WHERE u.username = $1`, [
      username,
    ])
  )?.item ?? null;

export const countUsers = async (db: TQueryable) =>
  (await firstRow(db, ZCount, "SELECT count(*) AS n FROM users"))?.n ?? 0;

export type TLoginUser = {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  disabled: boolean;
  passwordHash: string;
};

const ZLoginRow = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  password_hash: z.string(),
});

export const findForLogin = async (db: TQueryable, username: string): Promise<TLoginUser | null> => {
  const row = await firstRow(
    db,
    ZLoginRow,
    "SELECT id, username, display_name, role, disabled, password_hash FROM users WHERE username = $1",
    [username],
  );
  return row
    ? {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        disabled: row.disabled,
        passwordHash: row.password_hash,
      }
    : null;
};

/** Replaces a stored hash with one at today's cost, for the same password (not a change: no audit entry). */
export const replaceHash = async (db: TQueryable, userId: string, oldHash: string, newHash: string) => {
  // Only if nobody changed the password meanwhile.
  await db.query("UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2", [
    userId,
    oldHash,
    newHash,
  ]);
};

export type TNewUser = { username: string; displayName: string; role: TRole; password: string };

/** Inserts a user with an already computed hash; null when the username is taken. */
export const insertUser = async (
  db: TQueryable,
  user: Omit<TNewUser, "password"> & { passwordHash: string },
  now: Date,
): Promise<TUser | null> => {
  const inserted = await firstRow(
    db,
    ZUserItem,
    `INSERT INTO users AS u (id, username, display_name, role, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
     ON CONFLICT (username) DO NOTHING
     RETURNING ${userJson("u")} AS item`,
    [newUserId(), user.username, user.displayName, user.role, user.passwordHash, now.toISOString()],
  );
  return inserted?.item ?? null;
};

/** Who a change is logged as when the caller names nobody (server-side calls, test fixtures). */
const UNNAMED_ACTOR = systemActor("system");

/** The logged `after` of a write that set a password: says so, and nothing more about it. */
const withPassword = (user: TUser) => ({ ...user, passwordChanged: true });

/** Appends the audit entry of a user's creation (the caller holds the edit lock). */
export const auditUserCreated = (tx: TQueryable, user: TUser, at: Date, actor: TAuditActor) =>
  appendAudit(
    tx,
    [
      {
        action: "createUser",
        entityType: "user",
        entityId: user.id,
        before: null,
        after: withPassword(user),
      },
    ],
    { at, actor },
  );

/**
 * Hashes the password (outside any transaction: it takes a while), then inserts and logs the creation in
 * one transaction; null when the username is taken (and nothing is logged).
 */
export const createUser = async (db: TDb, user: TNewUser, now: Date, actor: TAuditActor = UNNAMED_ACTOR) => {
  const passwordHash = await hashPassword(user.password);
  return withEditLock(db, async (tx) => {
    const created = await insertUser(tx, { ...user, passwordHash }, now);
    if (created) await auditUserCreated(tx, created, now, actor);
    return created;
  });
};

export type TUserChange = {
  version: number;
  displayName?: string | undefined;
  role?: TRole | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
};

export type TUpdateResult =
  | { kind: "ok"; user: TUser }
  | { kind: "not_found" }
  | { kind: "stale"; current: TUser }
  | { kind: "last_admin"; fields: ("role" | "disabled")[] };

/** Which of the change's fields would leave no active administrator, given how many others there are. */
export const lastAdminFields = (current: TUser, change: TUserChange, otherActiveAdmins: number) => {
  if (current.role !== "admin" || current.disabled || otherActiveAdmins > 0) return [];
  const fields: ("role" | "disabled")[] = [];
  if (change.role !== undefined && change.role !== "admin") fields.push("role");
  if (change.disabled === true) fields.push("disabled");
  return fields;
};

/**
 * Applies `change` when `change.version` is the stored one, in one transaction with its audit entry
 * (by `meta.actor`). A new password or a disabled account ends the user's sessions (except
 * `keepSessionId`, the admin's own when they change their own password).
 */
export const updateUser = async (
  db: TDb,
  id: string,
  change: TUserChange,
  keepSessionId: string | null,
  meta: { now: Date; actor: TAuditActor } = { now: new Date(), actor: UNNAMED_ACTOR },
): Promise<TUpdateResult> => {
  const passwordHash = change.password === undefined ? null : await hashPassword(change.password);
  return withEditLock(db, async (tx) => {
    // The active admins first, always in id order, then the row: two concurrent demotions take turns
    // instead of each seeing the other as the admin that remains.
    await tx.query("SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE");
    const current = (
      await firstRow(
        tx,
        ZUserItem,
        `SELECT ${userJson("u")} AS item FROM users u WHERE u.id = $1 FOR UPDATE`,
        [id],
      )
    )?.item;
    if (!current) return { kind: "not_found" };
    if (current.version !== change.version) return { kind: "stale", current };
    const others = await firstRow(
      tx,
      ZCount,
      "SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1",
      [id],
    );
    const fields = lastAdminFields(current, change, others?.n ?? 0);
    if (fields.length > 0) return { kind: "last_admin", fields };
    const updated = await firstRow(
      tx,
      ZUserItem,
      `UPDATE users AS u SET
         display_name = COALESCE($2, u.display_name),
         role = COALESCE($3, u.role),
         disabled = COALESCE($4, u.disabled),
         password_hash = COALESCE($5, u.password_hash),
         version = u.version + 1
       WHERE u.id = $1
       RETURNING ${userJson("u")} AS item`,
      [id, change.displayName ?? null, change.role ?? null, change.disabled ?? null, passwordHash],
    );
    if (!updated) throw new Error(`user ${id} vanished under its own lock`);
    const user = updated.item;
    if (passwordHash !== null || user.disabled) {
      const keep = user.disabled ? null : keepSessionId;
      await tx.query("DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2", [id, keep]);
    }
    await appendAudit(
      tx,
      [
        {
          action: "updateUser",
          entityType: "user",
          entityId: id,
          before: current,
          after: passwordHash === null ? user : withPassword(user),
        },
      ],
      { at: meta.now, actor: meta.actor },
    );
    return { kind: "ok", user };
  });
};

/**
 * A user's own new password: stored with its audit entry (that a password was set, by the user), and
 * every other session of the user ended — whoever else had it is out.
 */
export const setOwnPassword = async (
  db: TDb,
  userId: string,
  newPassword: string,
  keepSessionId: string,
  meta: { now: Date; actor: TAuditActor },
) => {
  const passwordHash = await hashPassword(newPassword);
  return withEditLock(db, async (tx) => {
    const before = (
      await firstRow(
        tx,
        ZUserItem,
        `SELECT ${userJson("u")} AS item FROM users u WHERE u.id = $1 FOR UPDATE`,
        [userId],
      )
    )?.item;
    if (!before) return false;
    const updated = await firstRow(
      tx,
      ZUserItem,
      `UPDATE users AS u SET password_hash = $2, version = u.version + 1 WHERE u.id = $1
       RETURNING ${userJson("u")} AS item`,
      [userId, passwordHash],
    );
    if (!updated) return false;
    const user = updated.item;
    await tx.query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2", [userId, keepSessionId]);
    await appendAudit(
      tx,
      [
        {
          action: "changeOwnPassword",
          entityType: "user",
          entityId: userId,
          before,
          after: withPassword(user),
        },
      ],
      { at: meta.now, actor: meta.actor },
    );
    return true;
  });
};
