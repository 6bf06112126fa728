import { z } from "zod";

/**
 * The read API's named schemas: each becomes components/schemas/<id> of the OpenAPI document
 * (modules/public/api/openapi.ts), and the handlers' answers are parsed by the same objects.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();
