import { MutationObserver, type MutationObserverOptions } from "@tanstack/react-query";
import { createQueryClient } from "./query-client";

const probed = () => {
  const client = createQueryClient({ retry: false });
  client.setQueryData(["overview", "probe"], 1);
  client.setQueryData(["auth", "session"], 1);
  const stale = () =>
    [
      ["overview", "probe"],
      ["auth", "session"],
    ].map((key) => client.getQueryState(key)?.isInvalidated);
  const run = <V>(options: MutationObserverOptions<unknown, Error, V>, variables: V) =>
    new MutationObserver(client, options).mutate(variables);
  return { stale, run };
};

describe("after a write", () => {
  it("every query is read again, whatever the mutation", async () => {
    const { stale, run } = probed();
    await run({ mutationFn: async () => "saved" }, undefined);
    expect(stale()).toEqual([true, true]);
  });

  it("nothing is, when the write failed", async () => {
    const { stale, run } = probed();
    await expect(
      run({ mutationFn: () => Promise.reject(new Error("refused")) }, undefined),
    ).rejects.toThrow();
    expect(stale()).toEqual([false, false]);
  });

  it("nothing is after a dry run, or for a mutation that sets the cache itself", async () => {
    const { stale, run } = probed();
    await run({ mutationFn: async () => "checked" }, { dryRun: true });
    await run({ mutationFn: async () => "signed in", meta: { invalidates: "none" } }, undefined);
    expect(stale()).toEqual([false, false]);
    await run({ mutationFn: async () => "imported" }, { dryRun: false });
    expect(stale()).toEqual([true, true]);
  });
});
