// A process that owns an embedded PostgreSQL as `npm start` does, for tests that kill it:
// node --import tsx tests/helpers/embedded-owner.ts <dataDir>. Prints "ready <url>" once up.
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const db = await startEmbeddedPostgres({ dataDir: process.argv[2] });
process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
console.log(`ready ${db.url}`);
setInterval(() => {}, 60_000);
