import type { TDb } from "@/server/db/types";
import { HttpProblem, type THandler } from "@/server/routes/define";
import { shareAnswer } from "@/server/shared-answers";
import { canonicalJson } from "@/shared/canonical-json";
import type { TEndpointName } from "@/shared/contract";
import { todayInTokyo } from "@/shared/dates";
import { ReadProblem, type TRead } from "@/shared/reads/define";
import { readEndpoints, type TReadEndpointName } from "@/shared/reads/read-endpoints";

/*
 * A shared read over the record this server holds (brought up to date by the request). A read is a pure
 * function of the record's revision, the request's parameters and today's date, so its answer is kept per
 * database handle and reused until the revision moves: a hundred board members opening the overview at
 * once cost one computation, however large the record.
 */

const MAX_ANSWERS = 500;

type TAnswers = { rev: number; answers: Map<string, unknown> };
const cache = new WeakMap<TDb, TAnswers>();

const answersAt = (db: TDb, rev: number): Map<string, unknown> => {
  const held = cache.get(db);
  if (held && held.rev === rev) return held.answers;
  const fresh: TAnswers = { rev, answers: new Map() };
  cache.set(db, fresh);
  return fresh.answers;
};

const serve =
  <N extends TEndpointName>(name: N, read: TRead<N>): THandler<N> =>
  async ({ db, params, query, now, record }) => {
    const { rev, data, settings } = await record();
    const answers = answersAt(db, rev);
    const key = `${name}|${canonicalJson(params)}|${canonicalJson(query)}|${todayInTokyo(now)}`;
    let answer = answers.get(key) as ReturnType<TRead<N>> | undefined;
    if (answer === undefined) {
      answer = read({ data, settings, params, query, now });
      // Served to every request that asks the same until the revision moves: checked and sent once.
      if (!(answer instanceof ReadProblem)) shareAnswer(answer);
      // Oldest first out: a map keeps insertion order.
      if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
      answers.set(key, answer);
    }
    if (answer instanceof ReadProblem) throw new HttpProblem(answer.problem);
    return answer;
  };

type TReadRoutes = { [N in TReadEndpointName]: THandler<N> };

export const readRoutes = Object.fromEntries(
  Object.entries(readEndpoints).map(([name, read]) => [
    name,
    serve(name as TEndpointName, read as TRead<TEndpointName>),
  ]),
) as TReadRoutes;
