import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { loadAllNamespaces } from "@/i18n/catalog";
import { resetMockAuthForTests, resetMockRecordForTests, server } from "@/mocks/node";

// Unhandled requests fail the test: every request a component makes must be one the contract declares.
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  // Components rendered outside the router still need their page's strings.
  await loadAllNamespaces();
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetMockAuthForTests();
  resetMockRecordForTests();
  localStorage.clear();
});
afterAll(() => server.close());

// jsdom has no layout engine; recharts' ResponsiveContainer needs these to exist.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener() {},
  removeListener() {},
  addEventListener() {},
  removeEventListener() {},
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;
