import { dummyHash, hashPassword, needsRehash, verifyPassword } from "@/server/auth/passwords";
import {
  createSession,
  deleteSession,
  deleteSessionByToken,
  pruneSessions,
  sessionBody,
} from "@/server/auth/sessions";
import { clearFailures, pruneAttempts, recordFailure, reserveSignIn } from "@/server/auth/throttle";
import { findForLogin, replaceHash } from "@/server/repository/users";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { badCredentials, SESSION_IDLE_MS, tooManyAttempts } from "@/shared/access";

export const authRoutes = {
  login: async ({ db, body, now, client, cookies }) => {
    // Reserved before the password is checked, so that concurrent guesses are counted as they start.
    const reservation = await reserveSignIn(db, body.username, client.address, now);
    if (reservation.id === null) {
      const wait = reservation.wait;
      throw new HttpProblem(tooManyAttempts(wait), { "retry-after": String(wait) });
    }
    const user = await findForLogin(db, body.username);
    // An unknown user costs the same hashing as a known one: the answer's timing names no accounts.
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !matches || user.disabled) {
      await recordFailure(db, reservation.id);
      throw new HttpProblem(badCredentials());
    }
    await clearFailures(db, body.username, client.address);
    // A hash made at an older, lower cost is replaced now that the password is at hand.
    if (needsRehash(user.passwordHash)) {
      await replaceHash(db, user.id, user.passwordHash, await hashPassword(body.password));
    }
    // Signing in again replaces the session the browser had.
    if (client.sessionToken) await deleteSessionByToken(db, client.sessionToken);
    await Promise.all([pruneSessions(db, now), pruneAttempts(db, now)]);
    const { token, session } = await createSession(db, user, now);
    // The cookie lives as long as an idle session does; every touch of the session renews it.
    cookies.set(token, SESSION_IDLE_MS / 1000);
    return sessionBody(session);
  },
  logout: async ({ db, session, cookies }) => {
    await deleteSession(db, session.id);
    cookies.clear();
    return { ok: true as const };
  },
  getSession: async ({ session }) => sessionBody(session),
} satisfies THandlers;
