import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { mentionsUserError } from "@/shared/access";
import { mentionsUser } from "@/shared/schemas/auth";
import type { TFieldError } from "@/shared/schemas/problem";

/*
 * The server's check of a new password against what attackers try first: the lists of common and
 * breached passwords, keyboard patterns, dates and names shipped with zxcvbn-ts, and the user's own names.
 * A password must reach score 3 of 4 ("safely unguessable: moderate protection from offline attacks").
 */

let factory: ZxcvbnFactory | undefined;
const estimator = () => {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
};

export const MIN_SCORE = 3;

/** Field errors for a new password at `field` (empty: strong enough). */
export const passwordStrengthProblems = (
  password: string,
  names: readonly string[],
  field = "password",
): TFieldError[] => {
  if (mentionsUser(password, names)) return [mentionsUserError(field)];
  const result = estimator().check(password, [...names, "board", "dashboard", "理事会"]);
  if (result.score >= MIN_SCORE) return [];
  return [
    {
      in: "body",
      field,
      code: "too_guessable",
      message: result.feedback.warning || "too easy to guess: a common password or a simple pattern",
      params: { score: result.score, min: MIN_SCORE },
    },
  ];
};
