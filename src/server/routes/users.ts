import { passwordStrengthProblems } from "@/server/auth/password-strength";
import { createUser, getUser, listUsers, updateUser } from "@/server/repository/users";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import { lastAdmin, staleVersion, usernameTaken, weakPassword } from "@/shared/access";
import { notFound } from "@/shared/http";

// Users are records too: each change is logged (src/server/repository/users.ts), by the signed-in admin.
export const userRoutes = {
  listUsers: ({ db, query }) => listUsers(db, query),
  createUser: async ({ db, body, now, session }) => {
    const weak = passwordStrengthProblems(body.password, [body.username, body.displayName]);
    if (weak.length > 0) throw new HttpProblem(weakPassword(weak));
    const user = await createUser(db, body, now, editContext(session, now).actor);
    if (!user) throw new HttpProblem(usernameTaken(body.username));
    return user;
  },
  updateUser: async ({ db, params, body, session, now }) => {
    if (body.password !== undefined) {
      const user = await getUser(db, params.userId);
      if (!user) throw new HttpProblem(notFound("user", params.userId));
      const names = [user.username, body.displayName ?? user.displayName];
      const weak = passwordStrengthProblems(body.password, names);
      if (weak.length > 0) throw new HttpProblem(weakPassword(weak));
    }
    const result = await updateUser(db, params.userId, body, session.id, editContext(session, now));
    switch (result.kind) {
      case "ok":
        return result.user;
      case "not_found":
        throw new HttpProblem(notFound("user", params.userId));
      case "stale":
        throw new HttpProblem(staleVersion(result.current));
      case "last_admin":
        throw new HttpProblem(lastAdmin(result.fields));
    }
  },
} satisfies THandlers;
