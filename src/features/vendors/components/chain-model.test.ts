import { contractorsOf, incidentPlace, routesTo, subcontractorsOf, vendorTree } from "./chain-model";

const v = (id: string, subcontractorOf: string[] = []) => ({ id, subcontractorOf });

describe("the contract chain", () => {
  // bpo → printer → courier; callcentre direct; agency works for both bpo and callcentre.
  const vendors = [
    v("courier", ["printer"]),
    v("bpo"),
    v("printer", ["bpo"]),
    v("callcentre"),
    v("agency", ["bpo", "callcentre"]),
  ];

  it("lists each direct contractor followed by its subcontractors, at any depth, each vendor once", () => {
    expect(vendorTree(vendors).map((r) => `${r.depth}:${r.vendor.id}`)).toEqual([
      "0:bpo",
      "1:printer",
      "2:courier",
      "1:agency",
      "0:callcentre",
    ]);
  });

  it("names contractors and subcontractors in the list's order", () => {
    expect(contractorsOf(v("agency", ["callcentre", "bpo"]), vendors).map((x) => x.id)).toEqual([
      "bpo",
      "callcentre",
    ]);
    expect(subcontractorsOf("bpo", vendors).map((x) => x.id)).toEqual(["printer", "agency"]);
  });

  it("spells out every route from the organisation down to a vendor", () => {
    expect(routesTo("courier", vendors)).toEqual([["bpo", "printer", "courier"]]);
    expect(routesTo("agency", vendors)).toEqual([
      ["bpo", "agency"],
      ["callcentre", "agency"],
    ]);
    expect(routesTo("bpo", vendors)).toEqual([["bpo"]]);
  });

  it("does not hang on a record that loops", () => {
    const loop = [v("a", ["b"]), v("b", ["a"]), v("c", ["c"])];
    expect(vendorTree(loop).map((r) => `${r.depth}:${r.vendor.id}`)).toEqual(["0:c", "0:a", "1:b"]);
    expect(routesTo("a", loop)).toEqual([]);
    expect(routesTo("c", loop)).toEqual([["c"]]);
  });
});

describe("incidentPlace", () => {
  const incident = { chain: ["bpo", "printer", "courier"] };
  it("tells where an incident happened as seen from each vendor involved", () => {
    expect(incidentPlace(incident, "courier")).toEqual({ kind: "here", above: ["bpo", "printer"] });
    expect(incidentPlace(incident, "bpo")).toEqual({ kind: "below", below: ["printer", "courier"] });
    expect(incidentPlace(incident, "printer")).toEqual({ kind: "below", below: ["courier"] });
    expect(incidentPlace(incident, "insurer")).toEqual({ kind: "elsewhere", at: "courier" });
    expect(incidentPlace({ chain: [] }, "insurer")).toEqual({ kind: "elsewhere", at: null });
  });
});
