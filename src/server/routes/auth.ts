import { dummyHash, verifyPassword } from "@/server/auth/passwords";
import {
  createSession,
  deleteSession,
  deleteSessionByToken,
  pruneSessions,
  sessionBody,
} from "@/server/auth/sessions";
import { clearFailures, pruneAttempts, recordFailure, throttleWait } from "@/server/auth/throttle";
import { findForLogin } from "@/server/repository/users";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { badCredentials, SESSION_ABSOLUTE_MS, tooManyAttempts } from "@/shared/access";

export const authRoutes = {
  login: async ({ db, body, now, client, cookies }) => {
    const wait = await throttleWait(db, body.username, client.address, now);
    if (wait > 0) throw new HttpProblem(tooManyAttempts(wait), { "retry-after": String(wait) });
    const user = await findForLogin(db, body.username);
    // An unknown user costs the same hashing as a known one: the answer's timing names no accounts.
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !matches || user.disabled) {
      await recordFailure(db, body.username, client.address, now);
      throw new HttpProblem(badCredentials());
    }
    await clearFailures(db, body.username);
    // Signing in again replaces the session the browser had.
    if (client.sessionToken) await deleteSessionByToken(db, client.sessionToken);
    await Promise.all([pruneSessions(db, now), pruneAttempts(db, now)]);
    const { token, session } = await createSession(db, user, now);
    cookies.set(token, SESSION_ABSOLUTE_MS / 1000);
    return sessionBody(session);
  },
  logout: async ({ db, session, cookies }) => {
    await deleteSession(db, session.id);
    cookies.clear();
    return { ok: true as const };
  },
  getSession: async ({ session }) => sessionBody(session),
} satisfies THandlers;
