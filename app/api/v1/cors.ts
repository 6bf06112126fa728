/** The read API is public: any site's scripts may read it. */
export const cors = { "access-control-allow-origin": "*" };
