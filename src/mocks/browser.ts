import { setupWorker } from "msw/browser";
import { persistMockSessionIn } from "@/mocks/auth-state";
import { handlers } from "@/mocks/handlers";

// Mock mode starts signed out (sign in with MOCK_DEMO_USERS); a reload keeps the tab's session.
persistMockSessionIn(sessionStorage);

export const worker = setupWorker(...handlers);
