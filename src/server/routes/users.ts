import { createUser, listUsers, updateUser } from "@/server/repository/users";
import { HttpProblem, type THandlers } from "@/server/routes/define";
import { lastAdmin, staleVersion, usernameTaken } from "@/shared/access";
import { notFound } from "@/shared/http";

export const userRoutes = {
  listUsers: ({ db, query }) => listUsers(db, query),
  createUser: async ({ db, body, now }) => {
    const user = await createUser(db, body, now);
    if (!user) throw new HttpProblem(usernameTaken(body.username));
    return user;
  },
  updateUser: async ({ db, params, body, session }) => {
    const result = await updateUser(db, params.userId, body, session.id);
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
