import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";
import type { TDb } from "./types";

export type TOpenDbOptions = {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data directory (default ./data). */
  dataDir?: string;
  /** PostgreSQL only: the schema to work in (search_path). */
  schema?: string;
};

export const DEFAULT_DATA_DIR = "./data";

export const openDb = (options: TOpenDbOptions = {}): Promise<TDb> =>
  options.databaseUrl
    ? openPostgres({
        connectionString: options.databaseUrl,
        ...(options.schema ? { schema: options.schema } : {}),
      })
    : openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
