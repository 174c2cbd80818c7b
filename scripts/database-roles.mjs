/**
 * The two database roles. Migrations run as the owner of the tables; Headway runs as a role that
 * owns nothing and may only read and add to the audit trail and the forum's verdicts. Nobody
 * holding the application's credentials can then rewrite the record: UPDATE, DELETE and TRUNCATE
 * on those tables are refused by privilege, and disabling their triggers (ALTER TABLE) or
 * switching them off for a session (session_replication_role) needs an owner or a superuser.
 */
import pg from "pg";

/** The application's role on servers Headway sets up itself (the embedded one, the tests'). */
export const APP_ROLE = "headway_app";
/** Tables whose rows are never changed or removed once written. */
export const APPEND_ONLY_TABLES = ["AuditEvent", "ForumVerdict"];
/** pg-boss keeps its queue in a schema of its own, which the application role owns. */
export const JOBS_SCHEMA = "pgboss";

const ident = (name) => `"${String(name).replaceAll('"', '""')}"`;
const literal = (text) => `'${String(text).replaceAll("'", "''")}'`;

/**
 * `url` with another user and password (and, when given, database).
 * @param {string} url
 * @param {{ user: string, password?: string, database?: string }} who
 */
export function urlAs(url, { user, password, database }) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password ? encodeURIComponent(password) : "";
  if (database) u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export const userOf = (url) => decodeURIComponent(new URL(url).username);
export const databaseOf = (url) => decodeURIComponent(new URL(url).pathname.slice(1));

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * As the owner, after migrations: makes the application role (when missing and `create` is
 * set, with the password in `appUrl`) and gives it exactly what Headway needs. Safe to repeat.
 */
export async function grantApplicationRole(ownerUrl, appUrl, { create = true } = {}) {
  const role = userOf(appUrl);
  const password = decodeURIComponent(new URL(appUrl).password);
  await withClient(ownerUrl, async (client) => {
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount > 0;
    if (!exists) {
      if (!create) throw new Error(`the role ${role} in DATABASE_URL does not exist on the server: create it (README, "Using a real PostgreSQL").`);
      try {
        await client.query(
          `CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${password ? ` PASSWORD ${literal(password)}` : ""}`,
        );
      } catch (error) {
        // Two runs on one server may both find it missing; the loser's CREATE fails harmlessly.
        if (error.code !== "42710") throw error;
      }
    }
    const database = (await client.query("SELECT current_database() AS name")).rows[0].name;
    const appendOnly = APPEND_ONLY_TABLES.map(ident).join(", ");
    await client.query(`
      GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(role)};
      GRANT USAGE ON SCHEMA public TO ${ident(role)};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(role)};
      REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly} FROM ${ident(role)};
      REVOKE ALL ON "_prisma_migrations" FROM ${ident(role)};
      GRANT SELECT ON "_prisma_migrations" TO ${ident(role)};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(role)};
    `);
  });
  await installJobQueues(ownerUrl);
  await withClient(ownerUrl, (client) =>
    client.query(`
      GRANT USAGE ON SCHEMA ${ident(JOBS_SCHEMA)} TO ${ident(role)};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${ident(JOBS_SCHEMA)} TO ${ident(role)};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(JOBS_SCHEMA)} TO ${ident(role)};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${ident(JOBS_SCHEMA)} TO ${ident(role)};
    `),
  );
}

/**
 * pg-boss's schema and one queue per job, made by the owner: a queue is a table of its own, and
 * the application's role creates none. pg-boss then finds them installed and only reads and
 * writes rows. Safe to repeat; a newer pg-boss migrates its schema here too.
 */
async function installJobQueues(ownerUrl) {
  const { default: PgBoss } = await import("pg-boss");
  const { JOB_NAMES } = await import("../server/jobs/names.js");
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOBS_SCHEMA, max: 1, supervise: false, schedule: false, application_name: "headway-install" });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of JOB_NAMES) await boss.createQueue(name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * Why the role in `appUrl` must not run Headway, or null when it may: a superuser or the owner
 * of the tables could rewrite the audit trail and the forum's verdicts.
 */
export async function applicationRoleProblem(appUrl) {
  return withClient(appUrl, async (client) => {
    const { rows } = await client.query(`
      SELECT current_user AS role,
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
             (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned`);
    const { role, superuser, owned } = rows[0];
    const fix =
      "Run Headway as a role that owns nothing, and the migrations as the owner: set DATABASE_URL to the application role and MIGRATION_DATABASE_URL to the owner (README, \"Using a real PostgreSQL\").";
    if (superuser) return `DATABASE_URL connects as ${role}, a superuser, who could rewrite the audit trail and the forum's verdicts. ${fix}`;
    if (owned > 0) return `DATABASE_URL connects as ${role}, which owns ${owned} of Headway's tables and could disable the triggers that keep the audit trail and the forum's verdicts append-only. ${fix}`;
    return null;
  });
}
