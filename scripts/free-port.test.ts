import { createServer, type Server } from "node:net";
import { findFreePort } from "./free-port";

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });

describe("findFreePort", () => {
  it("skips a port something listens on", async () => {
    const first = await findFreePort(18390, 18399);
    const busy = await listen(first);
    try {
      const next = await findFreePort(first, 18399);
      expect(next).toBeGreaterThan(first);
      // The port it names can really be bound.
      (await listen(next)).close();
    } finally {
      busy.close();
    }
  });

  it("fails when every port of the range is taken", async () => {
    const port = await findFreePort(18390, 18399);
    const busy = await listen(port);
    try {
      await expect(findFreePort(port, port)).rejects.toThrow(/No free port/);
    } finally {
      busy.close();
    }
  });
});
