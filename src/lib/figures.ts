import type { TFigure } from "@/shared/schemas/common";

/** The exact value of a figure; approximate and not-reported figures have none (never 0). */
export const exactValue = (figure: TFigure): number | null =>
  figure.status === "reported" || figure.status === "derived" ? figure.value : null;
