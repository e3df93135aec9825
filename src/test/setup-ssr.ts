import { loadAllNamespaces } from "@/i18n/catalog";
import { resetMockAuthForTests, resetMockRecordForTests, server } from "@/mocks/node";

// The server-side render runs in Node, without a DOM: the mocks answer the requests that make its input.
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await loadAllNamespaces();
});
afterEach(() => {
  server.resetHandlers();
  resetMockAuthForTests();
  resetMockRecordForTests();
});
afterAll(() => server.close());
