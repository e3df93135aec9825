import { fail, type TMockImpl } from "@/mocks/define";
import type { TEndpointName } from "@/shared/contract";
import { ReadProblem, type TRead } from "@/shared/reads/define";
import { readEndpoints, type TReadEndpointName } from "@/shared/reads/read-endpoints";

/** A shared read over the mocks' record: the same function the server calls. */
const mock =
  <N extends TEndpointName>(read: TRead<N>): TMockImpl<N> =>
  ({ data, store, params, query, now }) => {
    const answer = read({ data, settings: store.settings, params, query, now: new Date(now) });
    return answer instanceof ReadProblem ? fail(answer.problem) : answer;
  };

type TReadMocks = { [N in TReadEndpointName]: TMockImpl<N> };

export const readMocks = Object.fromEntries(
  Object.entries(readEndpoints).map(([name, read]) => [name, mock(read as TRead<TEndpointName>)]),
) as TReadMocks;
