import type { TIncident } from "@/shared/schemas/incident";
import type { TVendor } from "@/shared/schemas/vendor";

/*
 * Who works for whom, read from the vendors' `subcontractorOf` and the incidents' `chain`. The API refuses
 * a cycle, but a page must not hang on an old or hand-made record that holds one, so every walk keeps a
 * guard.
 */

type TLinks = Pick<TVendor, "id" | "subcontractorOf">;

/** The vendors it works for (its contractors), in the list's order; ids the list does not know are left out. */
export const contractorsOf = <V extends TLinks>(vendor: TLinks, vendors: readonly V[]): V[] =>
  vendors.filter((v) => vendor.subcontractorOf.includes(v.id));

/** The vendors working for it as subcontractors, in the list's order. */
export const subcontractorsOf = <V extends TLinks>(vendorId: string, vendors: readonly V[]): V[] =>
  vendors.filter((v) => v.id !== vendorId && v.subcontractorOf.includes(vendorId));

/** At most this many routes are spelled out (a vendor working for many contractors is rare). */
const MAX_ROUTES = 12;

/**
 * Every route by which the organisation reaches the vendor: each starts at a vendor it contracts with
 * directly and ends at the vendor itself ([vendorId] alone for a direct contract).
 */
export const routesTo = (vendorId: string, vendors: readonly TLinks[]): string[][] => {
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const routes: string[][] = [];
  const walk = (id: string, below: readonly string[]) => {
    if (below.includes(id) || routes.length >= MAX_ROUTES) return;
    const route = [id, ...below];
    const above = (byId.get(id)?.subcontractorOf ?? []).filter((c) => byId.has(c) && c !== id);
    if (above.length === 0) routes.push(route);
    for (const contractor of above) walk(contractor, route);
  };
  walk(vendorId, []);
  return routes;
};

export type TTreeRow<V> = { vendor: V; depth: number };

/**
 * The vendors as the organisation reaches them: each one it contracts with directly, followed by its
 * subcontractors (and theirs), indented by depth. A vendor working for two contractors is listed once,
 * under the first.
 */
export const vendorTree = <V extends TLinks>(vendors: readonly V[]): TTreeRow<V>[] => {
  const known = new Set(vendors.map((v) => v.id));
  const rows: TTreeRow<V>[] = [];
  const seen = new Set<string>();
  const visit = (vendor: V, depth: number) => {
    if (seen.has(vendor.id)) return;
    seen.add(vendor.id);
    rows.push({ vendor, depth });
    for (const sub of subcontractorsOf(vendor.id, vendors)) visit(sub, depth + 1);
  };
  for (const v of vendors) {
    if (!v.subcontractorOf.some((c) => known.has(c) && c !== v.id)) visit(v, 0);
  }
  // Only reachable through a cycle: still listed, at the top.
  for (const v of vendors) visit(v, 0);
  return rows;
};

/**
 * Where an incident happened, seen from one vendor involved in it:
 * - `here`: at this vendor (the last link of the chain); `above` are the contractors it worked for;
 * - `below`: at one of its subcontractors; `below` is the chain under it, down to where it happened;
 * - `elsewhere`: the vendor is answerable but not on the chain; `at` is where it happened (null: the
 *   record does not know the chain yet).
 */
export type TPlace =
  | { kind: "here"; above: string[] }
  | { kind: "below"; below: string[] }
  | { kind: "elsewhere"; at: string | null };

export const incidentPlace = (incident: Pick<TIncident, "chain">, vendorId: string): TPlace => {
  const at = incident.chain.indexOf(vendorId);
  if (at >= 0 && at === incident.chain.length - 1)
    return { kind: "here", above: incident.chain.slice(0, at) };
  if (at >= 0) return { kind: "below", below: incident.chain.slice(at + 1) };
  return { kind: "elsewhere", at: incident.chain.at(-1) ?? null };
};
