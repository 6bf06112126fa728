import "server-only";
/** Turns a failed connection into one line a person can act on, naming host and port. */
export function describeConnectionError(error: unknown, host: string, port: string, database: string): string {
  const code = (error as { code?: string }).code;
  const where = `PostgreSQL at ${host}:${port}`;
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach ${where}: connection refused. Is the server running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach ${where}: the host name does not resolve. Check DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Cannot reach ${where}: the connection timed out.`;
    case "28P01":
    case "28000":
      return `${where} refused the user or password given in DATABASE_URL.`;
    case "3D000":
      return `${where} has no database named "${database}". Create it, or fix DATABASE_URL.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      if (/timeout/i.test(message)) return `Cannot reach ${where}: the connection timed out.`;
      return `Cannot connect to ${where}: ${message}`;
    }
  }
}
