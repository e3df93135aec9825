/*
 * One figure of the affected is a unit and a population: people of different populations, and people and
 * records, are never added. Server, mocks and views key their figures the same way. No zod here: the
 * UI imports it.
 */
export const figureKey = (t: { unit: "people" | "records"; populationId: string | null }) =>
  `${t.unit}:${t.populationId ?? ""}`;
