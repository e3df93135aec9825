import { readRecord } from "@/server/db/record-store";
import { HttpProblem, type THandler } from "@/server/routes/define";
import type { TEndpointName } from "@/shared/contract";
import { ReadProblem, type TRead } from "@/shared/reads/define";
import { readEndpoints, type TReadEndpointName } from "@/shared/reads/read-endpoints";

/** A shared read over the record this server holds (brought up to date by the request). */
const serve =
  <N extends TEndpointName>(read: TRead<N>): THandler<N> =>
  async ({ db, params, query, now }) => {
    const { data, settings } = await readRecord(db);
    const answer = read({ data, settings, params, query, now });
    if (answer instanceof ReadProblem) throw new HttpProblem(answer.problem);
    return answer;
  };

type TReadRoutes = { [N in TReadEndpointName]: THandler<N> };

export const readRoutes = Object.fromEntries(
  Object.entries(readEndpoints).map(([name, read]) => [name, serve(read as TRead<TEndpointName>)]),
) as TReadRoutes;
