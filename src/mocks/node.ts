import { setupServer } from "msw/node";
import { resetMockAuth } from "@/mocks/auth-state";
import { handlers, mockStore } from "@/mocks/handlers";
import { resetMockStore } from "@/mocks/store";

export const server = setupServer(...handlers);

/**
 * UI tests run signed in as an editor unless a test says otherwise (`signInMock` / `signOutMock` from
 * @/mocks/auth-state); src/test/setup-ui.ts calls this after each test.
 */
export const resetMockAuthForTests = () => resetMockAuth("editor");

/** Back to the demo record with an empty audit log (src/test/setup-ui.ts calls it after each test). */
export const resetMockRecordForTests = () => resetMockStore(mockStore);

resetMockAuthForTests();
