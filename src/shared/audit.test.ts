import { describe, expect, it } from "vitest";
import { chainEntries, GENESIS_HASH, verifyLog } from "./audit";

/*
 * Stored logs are verified by recomputing every hash, so the text hashed must never change. These hashes
 * were computed once, by the code as it stood before the canonical JSON moved into one shared helper; any
 * change to the chain's output (key order, escaping, undefined members, number format) breaks this test.
 */

const actor = { id: "u-admin", username: "admin", displayName: "管理者 Admin" };
const system = { id: "system", username: "system", displayName: "System" };

const knownChain = async () => {
  const first = await chainEntries(
    null,
    [
      {
        action: "createIncident",
        entityType: "incident",
        entityId: "inc-1",
        before: null,
        after: {
          version: 1,
          id: "inc-1",
          title: 'Leak "A"\n',
          scope: [{ id: "scope-1", label: "会員" }],
          note: undefined,
          number: 1,
          amount: 1.5,
        },
      },
      {
        action: "updateIncident",
        entityType: "incident",
        entityId: "inc-1",
        before: { version: 1, id: "inc-1", zeta: null, alpha: [3, 1, 2] },
        after: { id: "inc-1", version: 2, alpha: [3, 1, 2], zeta: { b: true, a: false } },
      },
    ],
    { at: new Date("2025-09-30T01:02:03.004Z"), actor },
  );
  const head = first.at(-1);
  if (!head) throw new Error("no entries");
  const second = await chainEntries(
    { seq: head.seq, hash: head.hash },
    [
      {
        action: "updateSettings",
        entityType: "settings",
        entityId: "settings",
        before: { 'k"': "日本" },
        after: null,
      },
    ],
    { at: new Date("2025-10-01T00:00:00.000Z"), actor: system },
  );
  return [...first, ...second];
};

describe("the audit hash chain", () => {
  it("hashes a known chain to the same bytes as ever", async () => {
    const entries = await knownChain();
    expect(entries.map((e) => [e.seq, e.prevHash, e.hash])).toEqual([
      [1, GENESIS_HASH, "e9cae92c57340b00ed778386c13bf84cdcfa51b4da8a540000406419704bfee5"],
      [
        2,
        "e9cae92c57340b00ed778386c13bf84cdcfa51b4da8a540000406419704bfee5",
        "e659867a57834f7c194ee6ff0fc71e5bf440cc8fc2e2f3c7850056f5fa8010d5",
      ],
      [
        3,
        "e659867a57834f7c194ee6ff0fc71e5bf440cc8fc2e2f3c7850056f5fa8010d5",
        "2477f0a43a3b308d5e5bbda892bf9c3ccea2068f29faaff51dc1678ff079fe4c",
      ],
    ]);
  });

  it("verifies the known chain, and names an entry changed after it was written", async () => {
    const entries = await knownChain();
    const last = entries.at(-1);
    if (!last) throw new Error("no entries");
    const head = { seq: last.seq, hash: last.hash };
    const now = new Date("2025-10-02T00:00:00.000Z");
    expect((await verifyLog(entries, head, now)).ok).toBe(true);
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, after: { ...e.after, version: 3 } } : e));
    expect((await verifyLog(edited, head, now)).problems.map((p) => `${p.seq}:${p.kind}`)).toEqual([
      "2:hash_mismatch",
    ]);
  });
});
