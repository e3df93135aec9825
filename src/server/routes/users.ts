import { createUser, listUsers, updateUser } from "@/server/repository/users";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { editContext } from "@/server/routes/edits";
import { lastAdmin, staleVersion, usernameTaken } from "@/shared/access";
import { notFound } from "@/shared/http";

// Users are records too: each change is logged (src/server/repository/users.ts), by the signed-in admin.
export const userRoutes = {
  listUsers: ({ db, query }) => listUsers(db, query),
  createUser: async ({ db, body, now, session }) => {
    const user = await createUser(db, body, now, editContext(session, now).actor);
    if (!user) throw new HttpProblem(usernameTaken(body.username));
    return user;
  },
  updateUser: async ({ db, params, body, session, now }) => {
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
