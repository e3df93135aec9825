/** The application version, as in package.json; served by /api/health and the OpenAPI document. */
export const APP_VERSION = "0.1.0";
