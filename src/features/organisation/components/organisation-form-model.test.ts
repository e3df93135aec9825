import { ZOrganisationUpdate } from "@/shared/schemas/edit";
import { blankOrganisation } from "@/shared/schemas/organisation";
import { case2025 } from "@/shared/seed/case-2025";
import {
  inUseErrors,
  newTerm,
  newTermId,
  toOrganisationBody,
  valuePathOf,
  valuesFromOrganisation,
} from "./organisation-form-model";

const organisation = { ...case2025.organisation, version: 3 };

describe("the organisation form's values and body", () => {
  it("sends back exactly the settings it was opened with", () => {
    const body = toOrganisationBody(valuesFromOrganisation(organisation));
    const { id: _id, ...rest } = organisation;
    expect(body).toEqual(rest);
    expect(ZOrganisationUpdate.safeParse(body).success).toBe(true);
  });

  it("leaves removed entries out, turns a blank 'whose' into none and the month into a number", () => {
    const values = valuesFromOrganisation(blankOrganisation());
    values.fiscalYearStartMonth = "1";
    const [members] = values.populations;
    if (!members) throw new Error("the blank organisation has a population");
    values.populations = [
      { ...members, removed: true },
      { ...newTerm("population", ["members"]), name: { ja: "顧客", en: "customers" } },
      {
        ...newTerm("population", ["members", "population-2"]),
        name: { ja: "顧客", en: "customers" },
        ofWhom: { ja: "甲社", en: "" },
      },
    ];
    const body = toOrganisationBody(values);
    expect(body.fiscalYearStartMonth).toBe(1);
    expect(body.populations).toEqual([
      { id: "population-2", name: { ja: "顧客", en: "customers" }, ofWhom: null },
      { id: "population-3", name: { ja: "顧客", en: "customers" }, ofWhom: { ja: "甲社", en: "" } },
    ]);
    // A vendor kind has no "whose".
    expect(Object.keys(body.vendorKinds[0] ?? {})).toEqual(["id", "name"]);
  });

  it("gives a new entry an id no other entry has", () => {
    expect(newTermId("kind", ["kind-1", "kind-3"])).toBe("kind-4");
    expect(newTermId("kind", ["kind-3", "kind-4", "x"])).toBe("kind-5");
    expect(newTermId("population", [])).toBe("population-1");
  });

  it("maps a body path to the entry the form still shows there, past removed entries", () => {
    const values = valuesFromOrganisation(organisation);
    values.vendorKinds = values.vendorKinds.map((k, i) => ({ ...k, removed: i === 0 || i === 2 }));
    expect(valuePathOf("vendorKinds.0.name.ja", values)).toBe("vendorKinds.1.name.ja");
    expect(valuePathOf("vendorKinds.1", values)).toBe("vendorKinds.3");
    expect(valuePathOf("boardName.en", values)).toBe("boardName.en");
    expect(valuePathOf("vendorKinds", values)).toBe("vendorKinds");
    expect(valuePathOf("vendorKinds.99.name", values)).toBe("vendorKinds.99.name");
  });

  it("puts 'still in use' on the removed entry it is about", () => {
    const values = valuesFromOrganisation(organisation);
    values.vendorKinds = values.vendorKinds.map((k) => ({ ...k, removed: k.id === "agency" }));
    const error = (field: string, id: string) => ({
      in: "body" as const,
      field,
      code: "in_use",
      message: `"${id}" is still used by the record`,
      params: { id },
    });
    const problem = {
      type: "about:blank",
      title: "Unprocessable",
      status: 422,
      detail: "see the errors",
      errors: [error("vendorKinds", "agency"), error("populations", "gone")],
    };
    const errors = inUseErrors(problem, values);
    expect(errors["vendorKinds.1"]).toMatchObject({ code: "in_use", params: { id: "agency" } });
    // An id the form does not hold stays on the list.
    expect(errors.populations).toMatchObject({ code: "in_use", params: { id: "gone" } });
    expect(inUseErrors(null, values)).toEqual({});
  });
});
