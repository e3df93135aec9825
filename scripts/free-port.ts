import { createServer } from "node:net";
import { pathToFileURL } from "node:url";

const isFree = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

/**
 * The first port in [first, last] that nothing listens on. Each developer and tool has its own range, so
 * scanning the range (rather than asking the OS for any port) keeps concurrent runs out of each other's way.
 */
export const findFreePort = async (first: number, last: number, host = "127.0.0.1"): Promise<number> => {
  for (let port = first; port <= last; port += 1) {
    if (await isFree(port, host)) return port;
  }
  throw new Error(`No free port on ${host} between ${first} and ${last}`);
};

// CLI for synchronous callers (playwright.config.ts): `node --import tsx scripts/free-port.ts 18350 18399`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [first, last] = process.argv.slice(2).map(Number);
  if (!Number.isInteger(first) || !Number.isInteger(last)) {
    console.error("usage: free-port <first> <last>");
    process.exit(2);
  }
  findFreePort(first as number, last as number).then(
    (port) => process.stdout.write(`${port}\n`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
