import type { TSessionInfo } from "@/server/auth/sessions";
import type { THeldRecord } from "@/server/db/record-store";
import type { TDb } from "@/server/db/types";
import type {
  TContract,
  TEndpointName,
  TParsedBodyOf,
  TParsedParamsOf,
  TParsedQueryOf,
  TResponseOf,
} from "@/shared/contract";
import type { TProblem } from "@/shared/schemas/problem";

/*
 * A route handler gets the validated request and the database and returns the response body; app.ts does
 * the routing, sign-in and role checks, validation and error answers around it, from the contract.
 */

/** Public endpoints get no session (none is looked up); every other one is only called with one. */
export type TSessionOf<N extends TEndpointName> = TContract[N]["access"] extends "public"
  ? null
  : TSessionInfo;

export type THandlerContext<N extends TEndpointName> = {
  db: TDb;
  params: TParsedParamsOf<N>;
  query: TParsedQueryOf<N>;
  body: TParsedBodyOf<N>;
  version: string;
  session: TSessionOf<N>;
  /** The request's time, from the app's clock (injectable in tests). */
  now: Date;
  /**
   * The record as last committed (src/server/db/record-store.ts: one query for its revision). The
   * answers one page's HTML carries share one reading: one revision, one query.
   */
  record: () => Promise<THeldRecord>;
  client: {
    /** The client's address (for sign-in throttling). */
    address: string;
    /** The session token the request's cookie carries, valid or not. */
    sessionToken: string | null;
  };
  /** The session cookie of the answer. */
  cookies: { set(token: string, maxAgeSeconds: number): void; clear(): void };
};

export type THandler<N extends TEndpointName> = (ctx: THandlerContext<N>) => Promise<TResponseOf<N>>;
export type THandlers = { [N in TEndpointName]?: THandler<N> };
export type TAllHandlers = { [N in TEndpointName]: THandler<N> };

/** An error answer a handler gives on purpose (a 404 for an unknown id, say); anything else thrown is a 500. */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  readonly problem: TProblem;
  readonly headers: Record<string, string>;
  constructor(problem: TProblem, headers: Record<string, string> = {}) {
    super(problem.detail);
    this.problem = problem;
    this.headers = headers;
  }
}

/** The record, or a 404 problem naming what was not found. */
export const found = <T>(value: T | null, problem: () => TProblem): T => {
  if (value === null) throw new HttpProblem(problem());
  return value;
};
