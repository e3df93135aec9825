import { endMockSession, mockUsers, randomUserId, type TMockUser, toUser } from "@/mocks/auth-state";
import { fail, type TMockImpls } from "@/mocks/define";
import { appendMockAudit, exclusive, mockEditContext } from "@/mocks/store";
import { lastAdmin, mentionsUserError, staleVersion, usernameTaken, weakPassword } from "@/shared/access";
import { notFound } from "@/shared/http";
import { compareText, page } from "@/shared/reads/derive";
import { mentionsUser, type TUser } from "@/shared/schemas/auth";

const isActiveAdmin = (u: TMockUser) => u.role === "admin" && !u.disabled;

/** As the server logs it: the user without the password, and only that a password was set. */
const logged = (user: TUser, passwordSet: boolean) =>
  passwordSet ? { ...user, passwordChanged: true } : user;

// Users are records too: each change is logged in the mocks' audit log, in turn with the other writes.
export const userMocks = {
  listUsers: ({ query }) =>
    page([...mockUsers()].sort((a, b) => compareText(a.username, b.username)).map(toUser), query),
  createUser: ({ body, now, store, signedIn }) =>
    exclusive(store, async () => {
      // The rules that need no word list (the server also refuses common passwords).
      if (mentionsUser(body.password, [body.username, body.displayName])) {
        return fail(weakPassword([mentionsUserError("password")]));
      }
      if (mockUsers().some((u) => u.username === body.username)) return fail(usernameTaken(body.username));
      const user: TMockUser = {
        id: randomUserId(),
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        disabled: false,
        createdAt: new Date(now).toISOString(),
        version: 1,
        password: body.password,
      };
      await appendMockAudit(
        store,
        [
          {
            action: "createUser",
            entityType: "user",
            entityId: user.id,
            before: null,
            after: logged(toUser(user), true),
          },
        ],
        mockEditContext(signedIn, now),
      );
      mockUsers().push(user);
      return toUser(user);
    }),
  updateUser: ({ params, body, signedIn, store, now }) =>
    exclusive(store, async () => {
      const user = mockUsers().find((u) => u.id === params.userId);
      if (!user) return fail(notFound("user", params.userId));
      if (
        body.password !== undefined &&
        mentionsUser(body.password, [user.username, body.displayName ?? user.displayName])
      ) {
        return fail(weakPassword([mentionsUserError("password")]));
      }
      if (user.version !== body.version) return fail(staleVersion(toUser(user)));
      const othersActive = mockUsers().filter((u) => u.id !== user.id && isActiveAdmin(u)).length;
      if (isActiveAdmin(user) && othersActive === 0) {
        const fields: ("role" | "disabled")[] = [];
        if (body.role !== undefined && body.role !== "admin") fields.push("role");
        if (body.disabled === true) fields.push("disabled");
        if (fields.length > 0) return fail(lastAdmin(fields));
      }
      const before = toUser(user);
      const next: TMockUser = {
        ...user,
        ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
        ...(body.role === undefined ? {} : { role: body.role }),
        ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
        ...(body.password === undefined ? {} : { password: body.password }),
        version: user.version + 1,
      };
      await appendMockAudit(
        store,
        [
          {
            action: "updateUser",
            entityType: "user",
            entityId: user.id,
            before,
            after: logged(toUser(next), body.password !== undefined),
          },
        ],
        mockEditContext(signedIn, now),
      );
      Object.assign(user, next);
      // As on the server: a disabled user's session ends (the mock has only the current one; another
      // user's new password ends sessions the mock does not have).
      if (user.disabled && signedIn.user.id === user.id) endMockSession();
      return toUser(user);
    }),
} satisfies TMockImpls;
