import type { TDb } from "@/server/db/types";
import type { TEndpointName, TParsedParamsOf, TParsedQueryOf, TResponseOf } from "@/shared/contract";
import type { TProblem } from "@/shared/schemas/problem";

/*
 * A route handler gets the validated request and the database and returns the response body; app.ts does
 * the routing, validation and error answers around it, from the contract.
 */

export type THandlerContext<N extends TEndpointName> = {
  db: TDb;
  params: TParsedParamsOf<N>;
  query: TParsedQueryOf<N>;
  body: unknown;
  version: string;
};

export type THandler<N extends TEndpointName> = (ctx: THandlerContext<N>) => Promise<TResponseOf<N>>;
export type THandlers = { [N in TEndpointName]?: THandler<N> };
export type TAllHandlers = { [N in TEndpointName]: THandler<N> };

/** An error answer a handler gives on purpose (a 404 for an unknown id, say); anything else thrown is a 500. */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  readonly problem: TProblem;
  constructor(problem: TProblem) {
    super(problem.detail);
    this.problem = problem;
  }
}

/** The record, or a 404 problem naming what was not found. */
export const found = <T>(value: T | null, problem: () => TProblem): T => {
  if (value === null) throw new HttpProblem(problem());
  return value;
};
