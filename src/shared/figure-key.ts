/*
 * One figure of the affected is a unit and a population: people of different populations, and people and
 * records, are never added. Server, mocks and views key their figures the same way. No zod here: the
 * UI imports it.
 */
export const figureKey = (t: { unit: "people" | "records"; populationId: string | null }) =>
  `${t.unit}:${t.populationId ?? ""}`;

/**
 * The figures (their keys) that more than one of the given incidents reports, a confirmed none not
 * counting: a total of such a figure over those incidents may count one person or record twice (延べ).
 */
export const countedTwice = (
  incidents: readonly (readonly {
    unit: "people" | "records";
    populationId: string | null;
    confirmedNone: boolean;
  }[])[],
) => {
  const reporting = new Map<string, number>();
  for (const totals of incidents) {
    for (const key of new Set(totals.filter((t) => !t.confirmedNone).map(figureKey))) {
      reporting.set(key, (reporting.get(key) ?? 0) + 1);
    }
  }
  return [...reporting].filter(([, n]) => n > 1).map(([key]) => key);
};
