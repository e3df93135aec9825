import { canonicalJson } from "./canonical-json";

/*
 * The first screen's answers travel inside the HTML (src/server/boot.ts) and are found again by the
 * client's request for them (src/lib/api-client.ts): both name a request by this key. Values are compared
 * as text (the address carries text), undefined members are dropped, key order does not matter.
 */

export type TBootRequest = {
  name: string;
  params?: Record<string, string | number | undefined>;
  query?: Record<string, string | number | boolean | undefined>;
};

const asText = (values: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(values ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

export const bootKey = ({ name, params, query }: TBootRequest) =>
  `${name} ${canonicalJson(asText(params))} ${canonicalJson(asText(query))}`;

/** The id of the `<script type="application/json">` element that carries them. */
export const BOOT_ELEMENT_ID = "boot";

/** What the element holds: the session (null when nobody is signed in) and the answers by key. */
export type TBootData = { session: unknown; answers: Record<string, unknown> };

/**
 * The cookie the language toggle writes beside local storage (which the server cannot read), so the
 * server draws the first screen in the reader's language.
 */
export const LANG_COOKIE = "bgd.lang";
