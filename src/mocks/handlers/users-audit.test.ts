import { setupServer } from "msw/node";
import { resetMockAuth, signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createMockStore } from "@/mocks/store";
import { verifyLog } from "@/shared/audit";
import { contract } from "@/shared/contract";
import { CSRF_HEADER, type TUser } from "@/shared/schemas/auth";
import { case2025 } from "@/shared/seed/case-2025";

// The mocks log user changes as the server does (src/server/repository/users-audit.test.ts).

const store = createMockStore(case2025);
const server = setupServer(...createHandlers(store));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => resetMockAuth("editor"));

const BASE = "http://mock.test";

const send = async (csrf: string, method: string, path: string, body: unknown) => {
  const res = await fetch(BASE + path, {
    method,
    headers: { "content-type": "application/json", [CSRF_HEADER]: csrf },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe("users in the mocks' audit log", () => {
  it("logs creation and changes by the signed-in admin, without the password; refusals log nothing", async () => {
    const { csrfToken } = signInMock("admin");
    const created = await send(csrfToken, "POST", contract.createUser.path, {
      username: "hanako",
      displayName: "Hanako",
      role: "editor",
      // Not built from the user's own name, which the mocks refuse as the server does.
      password: "a first long passphrase",
    });
    expect(created.status).toBe(200);
    const user = created.body as TUser;
    const path = contract.updateUser.path.replace(":userId", user.id);
    expect((await send(csrfToken, "PATCH", path, { version: 1, displayName: "Hanako Y." })).status).toBe(200);
    expect(
      (await send(csrfToken, "PATCH", path, { version: 2, password: "another passphrase" })).status,
    ).toBe(200);
    // Refused: a stale version, a password built from the user's name, a taken name.
    expect((await send(csrfToken, "PATCH", path, { version: 1, displayName: "Stale" })).status).toBe(409);
    expect(
      (await send(csrfToken, "PATCH", path, { version: 3, password: "hanako's new passphrase" })).status,
    ).toBe(422);
    expect(
      (
        await send(csrfToken, "POST", contract.createUser.path, {
          username: "hanako",
          displayName: "Again",
          role: "viewer",
          password: "a long enough passphrase",
        })
      ).status,
    ).toBe(409);

    expect(store.audit.map((e) => [e.seq, e.action, e.entityType, e.entityId, e.actor.username])).toEqual([
      [1, "createUser", "user", user.id, "demo-admin"],
      [2, "updateUser", "user", user.id, "demo-admin"],
      [3, "updateUser", "user", user.id, "demo-admin"],
    ]);
    const [create, rename, reset] = store.audit;
    expect(create).toMatchObject({ before: null, after: { ...user, passwordChanged: true } });
    expect(rename).toMatchObject({ before: user, after: { displayName: "Hanako Y.", version: 2 } });
    expect(rename?.after).not.toHaveProperty("passwordChanged");
    expect(reset?.after).toMatchObject({ version: 3, passwordChanged: true });
    const log = JSON.stringify(store.audit);
    expect(log).not.toContain("passphrase");
    expect(log).not.toContain('"password"');
    expect((await verifyLog(store.audit, store.head, new Date())).ok).toBe(true);
  });
});
