/**
 * `npm run db:migrate | db:seed | db:reset`, `npm run cli -- token create
 * --department <slug> --name <name>` / `npm run cli -- token revoke --id <id>`,
 * and `npm run cli -- admin invite --email <email>` (the first admin of a real company).
 * On the embedded database these refuse while the server holds the data
 * folder (see db/lock.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { getEnv } from "#app/env.server.ts";
import { getDepartmentBySlug } from "#app/modules/departments/departments.server.ts";
import { CommandError, EmailSchema, UuidSchema } from "#app/modules/forms.ts";
import { invitationPath, invitePerson } from "#app/modules/people/invitations.server.ts";
import { createApiToken, revokeApiToken } from "#app/modules/kpis/commands.server.ts";
import { TokenSchema } from "#app/modules/kpis/schemas.ts";
import { closeDb, getDb } from "./client.server.ts";
import type { Database } from "./connect.ts";
import { migrateToLatest } from "./connect.ts";
import { acquireDataDirLock } from "./lock.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemoCompany } from "./seed/demo.ts";

const TOKEN_USAGE = "Use: token create --department <slug> --name <name>, or token revoke --id <token id>.";
const ADMIN_USAGE = "Use: admin invite --email <email>.";
const COMMANDS = ["migrate", "seed", "reset", "token", "admin"];

type TokenCommand = { action: "create"; department: string; name: string } | { action: "revoke"; id: string };

/** Checked before the database opens, so a typo costs nothing (and takes no lock). */
function parseTokenArgs(args: string[]): TokenCommand {
  const { values, positionals } = parseArgs({
    args,
    options: { department: { type: "string" }, name: { type: "string" }, id: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...extra] = positionals;
  if (extra.length) throw new Error(`Unexpected "${extra.join(" ")}". ${TOKEN_USAGE}`);
  if (action === "create" && values.department && values.name !== undefined && !values.id) {
    const name = TokenSchema.safeParse({ name: values.name });
    if (!name.success) throw new Error("--name must be 1 to 120 characters.");
    return { action, department: values.department, name: name.data.name };
  }
  if (action === "revoke" && values.id && !values.department && values.name === undefined) {
    return { action, id: values.id };
  }
  throw new Error(TOKEN_USAGE);
}

/** `token create` and `token revoke`: API tokens without the web page (docs/api.md). */
async function tokenCommand(db: Database, command: TokenCommand): Promise<void> {
  if (command.action === "create") {
    const department = await getDepartmentBySlug(db, command.department);
    if (!department) throw new Error(`No department has the slug "${command.department}".`);
    const { id, token } = await createApiToken(db, { actorId: null, departmentId: department.id, name: command.name });
    // The token alone on standard output (for scripts); the note on standard error.
    console.log(token);
    console.error(
      `Token "${command.name}" (id ${id}) for ${department.name}: shown this once, so store it now. ` +
        `Revoke it with: npm run cli -- token revoke --id ${id}`,
    );
    return;
  }
  const found = UuidSchema.safeParse(command.id).success
    ? await db
        .selectFrom("api_tokens")
        .select(["id", "department_id"])
        .where("id", "=", command.id)
        .where("revoked_at", "is", null)
        .executeTakeFirst()
    : undefined;
  if (!found) throw new Error(`No active API token has the id "${command.id}".`);
  await revokeApiToken(db, { actorId: null, departmentId: found.department_id, tokenId: found.id });
  console.log(`Revoked API token ${found.id}.`);
}

/** `admin invite --email <email>`: checked before the database opens. */
function parseAdminArgs(args: string[]): { email: string } {
  const { values, positionals } = parseArgs({ args, options: { email: { type: "string" } }, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0] !== "invite" || values.email === undefined) {
    throw new Error(ADMIN_USAGE);
  }
  const email = EmailSchema.safeParse(values.email);
  if (!email.success) throw new Error(`"${values.email}" is not an e-mail address. ${ADMIN_USAGE}`);
  return { email: email.data };
}

/**
 * An admin invited from the command line: how a company that starts on an empty
 * database (no demo) gets its first person. Prints the single-use sign-up link.
 */
async function adminCommand(db: Database, email: string, origin: string): Promise<void> {
  try {
    const { token } = await invitePerson(db, null, { email, role: "admin", memberships: [] });
    // The link alone on standard output (for scripts); the note on standard error.
    console.log(`${origin}${invitationPath(token)}`);
    console.error(`Invited ${email} as an admin: the link works once, so send it to them now.`);
  } catch (error) {
    if (error instanceof CommandError) throw new Error(`${email} is already invited or has an account.`);
    throw error;
  }
}

async function main([command, ...args]: string[]): Promise<void> {
  if (!command || !COMMANDS.includes(command)) {
    throw new Error(`Unknown command "${command ?? ""}". Use migrate, seed, reset, token or admin.`);
  }
  const token = command === "token" ? parseTokenArgs(args) : undefined;
  const admin = command === "admin" ? parseAdminArgs(args) : undefined;
  const env = getEnv();
  const where = env.DATABASE_URL
    ? "the PostgreSQL server in DATABASE_URL"
    : `the embedded database in ${env.SERVICELOOP_DATA_DIR}`;
  if (command === "reset") {
    if (env.DATABASE_URL) {
      const db = getDb();
      await sql`drop schema if exists public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    } else {
      // Not while a server holds the folder: taking the lock refuses then.
      acquireDataDirLock(env.SERVICELOOP_DATA_DIR)();
      fs.rmSync(path.resolve(env.SERVICELOOP_DATA_DIR), { recursive: true, force: true });
    }
  }
  const db = getDb();
  switch (command) {
    case "token":
      await tokenCommand(db, token!);
      break;
    case "admin":
      await migrateToLatest(db);
      await adminCommand(db, admin!.email, env.APP_ORIGIN ?? `http://localhost:${env.PORT}`);
      break;
    case "migrate": {
      const done = await migrateToLatest(db);
      console.log(done.length ? `Applied ${done.join(", ")} to ${where}.` : `${where} is up to date.`);
      break;
    }
    default: {
      await migrateToLatest(db);
      if (!(await isEmpty(db))) {
        console.log(`Not seeding: ${where} already has people (db:reset starts over).`);
        break;
      }
      const { people, departments } = await seedDemoCompany(db);
      console.log(`Seeded the demo company (${departments} departments, ${people} people) into ${where}.`);
      console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => l.email).join(", ")}`);
    }
  }
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
