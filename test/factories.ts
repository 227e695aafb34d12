import type { Database } from "#db/connect.ts";
import type { Locale, Role, UserStatus } from "#db/schema.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { checkReadings, createKpi, upsertReadings } from "#app/modules/kpis/commands.server.ts";
import { getKpi } from "#app/modules/kpis/queries.server.ts";
import type { NewKpiInput } from "#app/modules/kpis/schemas.ts";

/**
 * Valid rows with overridable fields, for tests and for the demo seed.
 * Hashing is slow by design (argon2id), so a hash can be passed in and reused.
 */
let sequence = 0;
const next = () => ++sequence;

export const TEST_PASSWORD = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;
export function testPasswordHashOnce(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

export interface UserFactoryInput {
  email?: string;
  name?: string;
  role?: Role;
  status?: UserStatus;
  locale?: Locale | null;
  passwordHash?: string | null;
  departments?: { id: string; isManager?: boolean }[];
}

export async function createUser(db: Database, input: UserFactoryInput = {}) {
  const n = next();
  const status = input.status ?? "active";
  const passwordHash =
    input.passwordHash !== undefined ? input.passwordHash : status === "invited" ? null : await testPasswordHashOnce();
  const user = await db
    .insertInto("users")
    .values({
      email: input.email ?? `person${n}@example.test`,
      name: input.name ?? `Person ${n}`,
      role: input.role ?? "employee",
      status,
      locale: input.locale ?? null,
      password_hash: passwordHash,
    })
    .returning(["id", "email", "name", "role", "status"])
    .executeTakeFirstOrThrow();
  if (input.departments?.length) {
    await db
      .insertInto("department_members")
      .values(
        input.departments.map((d) => ({ department_id: d.id, user_id: user.id, is_manager: d.isManager ?? false })),
      )
      .execute();
  }
  return user;
}

export async function createDepartment(
  db: Database,
  input: { slug?: string; name?: string; description?: string } = {},
) {
  const n = next();
  return db
    .insertInto("departments")
    .values({
      slug: input.slug ?? `department-${n}`,
      name: input.name ?? `Department ${n}`,
      description: input.description ?? "",
    })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

const CANCELLED_AT = new Date("2026-10-01T08:00:00Z");

/** A shadowing slot as it stands in the database, without the booking rules (for insights fixtures). */
export async function insertSlot(db: Database, departmentId: string, startsAt: string, cancelled = false) {
  const row = await db
    .insertInto("shadow_slots")
    .values({
      department_id: departmentId,
      starts_at: new Date(startsAt),
      minutes: 60,
      channel: "phone",
      capacity: 20,
      cancelled_at: cancelled ? CANCELLED_AT : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertBooking(
  db: Database,
  input: { slotId: string; observerId: string; observerDepartmentId: string | null; cancelled?: boolean },
) {
  const row = await db
    .insertInto("shadow_bookings")
    .values({
      slot_id: input.slotId,
      observer_id: input.observerId,
      observer_department_id: input.observerDepartmentId,
      cancelled_at: input.cancelled ? CANCELLED_AT : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

let kpiKeys = 0;

/**
 * A KPI of a department defined through the real command: a percentage where
 * higher is better, target 75 and warning 65, monthly, unless overridden.
 */
export async function insertKpi(
  db: Database,
  input: { actorId: string; departmentId: string },
  overrides: Partial<NewKpiInput> = {},
) {
  const kpi: NewKpiInput = {
    key: `kpi-${++kpiKeys}`,
    name: "KPI",
    description: "",
    kind: "number",
    unit: "percent",
    direction: "higher",
    aggregation: "weighted",
    target: 75,
    warning: 65,
    period: "month",
    minSample: 10,
    ...overrides,
  };
  const { key } = await createKpi(db, { ...input, kpi });
  return (await getKpi(db, input.departmentId, key))!;
}

/** Readings through the same checks as the form: [period start, value, sample size (100)] per row. */
export async function insertReadings(
  db: Database,
  input: { actorId: string; departmentId: string; kpi: Awaited<ReturnType<typeof insertKpi>>; today: string },
  rows: [periodStart: string, value: number, sampleSize?: number][],
) {
  const checked = checkReadings(
    [input.kpi],
    rows.map(([periodStart, value, sampleSize = 100], i) => ({ row: i + 1, periodStart, value, sampleSize })),
    input.today,
  );
  if (checked.errors.length) throw new Error(`Bad readings: ${JSON.stringify(checked.errors)}`);
  await upsertReadings(db, {
    actorId: input.actorId,
    departmentId: input.departmentId,
    readings: checked.readings,
    source: "form",
  });
}
