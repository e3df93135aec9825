import type { TEndpointName, TParsedParamsOf, TParsedQueryOf, TResponseOf } from "../contract";
import type { TDataset } from "../schemas/dataset";
import type { TProblem } from "../schemas/problem";
import type { TSettings } from "../schemas/settings";

/*
 * A read endpoint is a pure function of the record: the server calls it over the record it holds
 * (src/server/db/record-store.ts), the mocks over their in-memory one. Both therefore answer alike by
 * construction; the contract suite stays as the proof.
 */

/** A refusal a read gives on purpose (a 404 for an unknown id); each side turns it into its answer. */
export class ReadProblem {
  readonly problem: TProblem;
  constructor(problem: TProblem) {
    this.problem = problem;
  }
}

export const fail = (problem: TProblem) => new ReadProblem(problem);

export type TReadContext<N extends TEndpointName> = {
  params: TParsedParamsOf<N>;
  query: TParsedQueryOf<N>;
  /** The record as it is now: read it, never change it. */
  data: Readonly<TDataset>;
  settings: TSettings;
  /** The request's time: "today" (in Tokyo) is taken from it, so a pinned clock pins every answer. */
  now: Date;
};

export type TRead<N extends TEndpointName> = (ctx: TReadContext<N>) => TResponseOf<N> | ReadProblem;
export type TReads = { [N in TEndpointName]?: TRead<N> };
