import { ApiError } from "./api-client";

/**
 * A well-formed id that matches nothing (404), or one that cannot be an id at all (400): the page does
 * not exist, which is not the same as "the server failed" (that one gets the error state with retry).
 */
export const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);
