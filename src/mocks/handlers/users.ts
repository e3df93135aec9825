import { endMockSession, mockUsers, randomUserId, type TMockUser, toUser } from "@/mocks/auth-state";
import { fail, type TMockImpls } from "@/mocks/define";
import { compareText, page } from "@/mocks/derive";
import { lastAdmin, staleVersion, usernameTaken } from "@/shared/access";
import { notFound } from "@/shared/http";

const isActiveAdmin = (u: TMockUser) => u.role === "admin" && !u.disabled;

export const userMocks = {
  listUsers: ({ query }) =>
    page([...mockUsers()].sort((a, b) => compareText(a.username, b.username)).map(toUser), query),
  createUser: ({ body, now }) => {
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
    mockUsers().push(user);
    return toUser(user);
  },
  updateUser: ({ params, body, signedIn }) => {
    const user = mockUsers().find((u) => u.id === params.userId);
    if (!user) return fail(notFound("user", params.userId));
    if (user.version !== body.version) return fail(staleVersion(toUser(user)));
    const othersActive = mockUsers().filter((u) => u.id !== user.id && isActiveAdmin(u)).length;
    if (isActiveAdmin(user) && othersActive === 0) {
      const fields: ("role" | "disabled")[] = [];
      if (body.role !== undefined && body.role !== "admin") fields.push("role");
      if (body.disabled === true) fields.push("disabled");
      if (fields.length > 0) return fail(lastAdmin(fields));
    }
    if (body.displayName !== undefined) user.displayName = body.displayName;
    if (body.role !== undefined) user.role = body.role;
    if (body.disabled !== undefined) user.disabled = body.disabled;
    if (body.password !== undefined) user.password = body.password;
    user.version += 1;
    // As on the server: a disabled user's session ends (the mock has only the current one; another
    // user's new password ends sessions the mock does not have).
    if (user.disabled && signedIn.user.id === user.id) endMockSession();
    return toUser(user);
  },
} satisfies TMockImpls;
