import "server-only";
/** The session cookie's name; in production it carries the __Secure- prefix. */
export const sessionCookieName = "marginalia.session";
