import {
  clearMockFailures,
  endMockSession,
  mockSessionBody,
  mockThrottleWait,
  mockUsers,
  recordMockFailure,
  startMockSession,
} from "@/mocks/auth-state";
import { fail, type TMockImpls } from "@/mocks/define";
import { badCredentials, tooManyAttempts } from "@/shared/access";

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
} satisfies TMockImpls;
