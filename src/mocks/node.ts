import { setupServer } from "msw/node";
import { resetMockAuth } from "@/mocks/auth-state";
import { handlers } from "@/mocks/handlers";

export const server = setupServer(...handlers);

/**
 * UI tests run signed in as an editor unless a test says otherwise (`signInMock` / `signOutMock` from
 * @/mocks/auth-state); src/test/setup-ui.ts calls this after each test.
 */
export const resetMockAuthForTests = () => resetMockAuth("editor");

resetMockAuthForTests();
