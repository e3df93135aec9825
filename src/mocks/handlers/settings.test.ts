import { setupServer } from "msw/node";
import { resetMockAuth, signInMock } from "@/mocks/auth-state";
import { createHandlers } from "@/mocks/handlers";
import { createMockStore } from "@/mocks/store";
import { verifyLog } from "@/shared/audit";
import { contract } from "@/shared/contract";
import { CSRF_HEADER } from "@/shared/schemas/auth";
import type { TDeadlines } from "@/shared/schemas/deadline";
import type { TProblem } from "@/shared/schemas/problem";
import { case2025 } from "@/shared/seed/case-2025";

// The mocks change the day-counting setting as the server does (src/server/routes/deadlines.test.ts).

const store = createMockStore(case2025);
const server = setupServer(...createHandlers(store));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => resetMockAuth("editor"));

const BASE = "http://mock.test";

const putSettings = async (csrf: string, body: unknown) => {
  const res = await fetch(BASE + contract.updateSettings.path, {
    method: "PUT",
    headers: { "content-type": "application/json", [CSRF_HEADER]: csrf },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

const finalDue = async () => {
  const res = await fetch(`${BASE}${contract.listDeadlines.path}?asOf=2025-10-01`);
  const d = (await res.json()) as TDeadlines;
  return { dayCounting: d.dayCounting, due: d.items.find((i) => i.key === "APPI_FINAL:inc-1")?.dueDate };
};

describe("the day-counting setting in the mocks", () => {
  it("is the admin's to change: version-checked, logged, and moving the due dates", async () => {
    signInMock("viewer");
    expect(await finalDue()).toEqual({ dayCounting: "exclude_first_day", due: "2025-06-20" });

    for (const role of ["viewer", "editor"] as const) {
      const { csrfToken } = signInMock(role);
      expect((await putSettings(csrfToken, { dayCounting: "include_first_day", version: 1 })).status).toBe(
        403,
      );
    }
    const { csrfToken } = signInMock("admin");
    const changed = await putSettings(csrfToken, { dayCounting: "include_first_day", version: 1 });
    expect(changed).toEqual({ status: 200, body: { dayCounting: "include_first_day", version: 2 } });
    expect(await finalDue()).toEqual({ dayCounting: "include_first_day", due: "2025-06-19" });

    const stale = await putSettings(csrfToken, { dayCounting: "exclude_first_day", version: 1 });
    expect(stale.status).toBe(409);
    expect((stale.body as TProblem).current).toEqual({ dayCounting: "include_first_day", version: 2 });
    expect(store.settings).toEqual({ dayCounting: "include_first_day", version: 2 });

    expect(
      store.audit.map((e) => [e.action, e.entityType, e.entityId, e.actor.username, e.before, e.after]),
    ).toEqual([
      [
        "updateSettings",
        "settings",
        "settings",
        "demo-admin",
        { dayCounting: "exclude_first_day", version: 1 },
        { dayCounting: "include_first_day", version: 2 },
      ],
    ]);
    expect((await verifyLog(store.audit, store.head, new Date())).ok).toBe(true);
  });
});
