/*
 * Both engines must hand the same JavaScript values to the repository. Counts and sums (int8) become
 * numbers, and dates stay the strings PostgreSQL prints (YYYY-MM-DD) instead of local-time Date objects.
 */

export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
export const DATE_OID = 1082;

export const toNumber = (value: string) => Number(value);
export const asText = (value: string) => value;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [INT8_OID]: toNumber,
  [NUMERIC_OID]: toNumber,
  [DATE_OID]: asText,
};
