import { passwordStrengthProblems } from "@/server/auth/password-strength";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "@/server/auth/passwords";
import {
  createSession,
  deleteSession,
  deleteSessionByToken,
  pruneSessions,
  sessionBody,
} from "@/server/auth/sessions";
import { clearFailures, pruneAttempts, recordFailure, reserveSignIn } from "@/server/auth/throttle";
import { findForLogin, replaceHash, setOwnPassword } from "@/server/repository/users";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import {
  badCredentials,
  SESSION_IDLE_MS,
  tooManyAttempts,
  weakPassword,
  wrongCurrentPassword,
} from "@/shared/access";

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
  changeOwnPassword: async ({ db, body, session, client, now }) => {
    // Guessing the current password through a borrowed session is throttled like a sign-in.
    const reservation = await reserveSignIn(db, session.username, client.address, now);
    if (reservation.id === null) {
      throw new HttpProblem(tooManyAttempts(reservation.wait), { "retry-after": String(reservation.wait) });
    }
    const user = await findForLogin(db, session.username);
    if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      await recordFailure(db, reservation.id);
      throw new HttpProblem(wrongCurrentPassword());
    }
    await clearFailures(db, session.username, client.address);
    const weak = passwordStrengthProblems(body.newPassword, [user.username, user.displayName], "newPassword");
    if (weak.length > 0) throw new HttpProblem(weakPassword(weak));
    await setOwnPassword(db, user.id, body.newPassword, session.id, editContext(session, now));
    return { ok: true as const };
  },
} satisfies THandlers;
