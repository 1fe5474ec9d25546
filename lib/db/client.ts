// The one Prisma client. Secret columns are omitted unless a query selects them by name.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({
    adapter,
    omit: { vendorAccount: { signingKey: true }, user: { passwordHash: true }, alertChannel: { target: true, secret: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { consoleDb?: Db };

/** The app's client, created on first use from DATABASE_URL (set by `npm start` for the embedded database). */
export function getDb(): Db {
  if (!globalForDb.consoleDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides it.");
    globalForDb.consoleDb = createPrismaClient(url);
  }
  return globalForDb.consoleDb;
}
