import {
  clearMockFailures,
  endMockSession,
  mockSessionBody,
  mockThrottleWait,
  mockUsers,
  recordMockFailure,
  startMockSession,
  toUser,
} from "@/mocks/auth-state";
import { fail, type TMockImpls } from "@/mocks/define";
import { appendMockAudit, exclusive, mockEditContext } from "@/mocks/store";
import {
  badCredentials,
  mentionsUserError,
  tooManyAttempts,
  weakPassword,
  wrongCurrentPassword,
} from "@/shared/access";
import { mentionsUser } from "@/shared/schemas/auth";

// Sign-in over the in-memory users of auth-state.ts, with the server's throttling and answers.
export const authMocks = {
  login: ({ body, now }) => {
    const wait = mockThrottleWait(body.username, now);
    if (wait > 0) return fail(tooManyAttempts(wait), { "retry-after": String(wait) });
    const user = mockUsers().find((u) => u.username === body.username);
    if (!user || user.password !== body.password || user.disabled) {
      recordMockFailure(body.username, now);
      return fail(badCredentials());
    }
    clearMockFailures(body.username, now);
    return mockSessionBody(startMockSession(user, now), user);
  },
  logout: () => {
    endMockSession();
    return { ok: true as const };
  },
  getSession: ({ signedIn }) => mockSessionBody(signedIn.session, signedIn.user),
  changeOwnPassword: ({ body, signedIn, store, now }) =>
    exclusive(store, async () => {
      const user = signedIn.user;
      const wait = mockThrottleWait(user.username, now);
      if (wait > 0) return fail(tooManyAttempts(wait), { "retry-after": String(wait) });
      if (body.currentPassword !== user.password) {
        recordMockFailure(user.username, now);
        return fail(wrongCurrentPassword());
      }
      clearMockFailures(user.username, now);
      if (mentionsUser(body.newPassword, [user.username, user.displayName])) {
        return fail(weakPassword([mentionsUserError("newPassword")]));
      }
      const before = toUser(user);
      user.password = body.newPassword;
      user.version += 1;
      await appendMockAudit(
        store,
        [
          {
            action: "changeOwnPassword",
            entityType: "user",
            entityId: user.id,
            before,
            after: { ...toUser(user), passwordChanged: true },
          },
        ],
        mockEditContext(signedIn, now),
      );
      return { ok: true as const };
    }),
} satisfies TMockImpls;
