/*
 * Preloaded by `npm run lint:deps` (node --require) before dependency-cruiser starts.
 *
 * TypeScript 7's package has no compiler API, so dependency-cruiser parses the sources with @swc/core.
 * Its 17.x line (the last that runs on Node 20) never turns on swc's TSX syntax, so the first .tsx file
 * with JSX in it stops the whole run; dependency-cruiser 18 fixes that but needs Node 22. Until the
 * project moves there, .tsx files get swc's `tsx` option here: dependency-cruiser calls `parseFileSync` on
 * the very module object this require returns (Node loads a CommonJS module once), so the option is added
 * where it parses and nowhere else. Delete this file and the --require with the move to 18.
 */
const swc = require("@swc/core");

const parseFileSync = swc.parseFileSync.bind(swc);
swc.parseFileSync = (file, options) => parseFileSync(file, { ...options, tsx: /\.[jt]sx$/.test(file) });
