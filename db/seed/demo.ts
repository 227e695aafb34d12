import type { Database } from "#db/connect.ts";
import type { Locale, Role } from "#db/schema.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { createDepartment, createUser } from "#test/factories.ts";
import { seedPromise } from "./promise.ts";
import { seedShadowing } from "./shadowing.ts";
import { seedKpis } from "./kpis.ts";
import { seedPerformance } from "./performance.ts";
import { seedRecognition } from "./recognition.ts";
import { seedReviews } from "./reviews.ts";
import { seedStories } from "./stories.ts";

export const DEMO_PASSWORD = "serviceloop";

/** The four logins the README promises; everyone else is a colleague to find in the directory. */
export const DEMO_LOGINS = [
  { email: "admin@demo.test", role: "admin", what: "admin: people and departments" },
  { email: "leader@demo.test", role: "leader", what: "leader: publishes the promise, sees all" },
  { email: "manager@demo.test", role: "employee", what: "manager of Customer Service" },
  { email: "employee@demo.test", role: "employee", what: "employee in Customer Service" },
] as const;

const DEPARTMENTS = [
  {
    slug: "customer-service",
    name: "Customer Service",
    description: "Phone, chat, e-mail and messaging: the first voice most customers hear.",
  },
  { slug: "claims", name: "Claims", description: "Handles claims from first report to payout." },
  { slug: "e-commerce", name: "E-commerce", description: "The web shop, checkout and self-service pages." },
  { slug: "it", name: "IT", description: "Keeps the systems that customers and colleagues rely on running." },
  { slug: "credit", name: "Credit", description: "Credit applications, approvals and payment plans." },
  { slug: "marketing", name: "Marketing", description: "Campaigns, social media and the customer newsletter." },
] as const;

type Slug = (typeof DEPARTMENTS)[number]["slug"];

interface DemoPerson {
  email: string;
  name: string;
  role?: Role;
  locale?: Locale;
  member?: Slug[];
  manages?: Slug[];
}

const PEOPLE: DemoPerson[] = [
  { email: "admin@demo.test", name: "Astrid Admin", role: "admin", member: ["it"] },
  { email: "leader@demo.test", name: "Lars Lindqvist", role: "leader" },
  { email: "manager@demo.test", name: "Maja Mortensen", manages: ["customer-service"] },
  { email: "employee@demo.test", name: "Erik Eriksson", member: ["customer-service"] },
  { email: "sofie.nielsen@demo.test", name: "Sofie Nielsen", locale: "da", member: ["customer-service"] },
  { email: "jonas.berg@demo.test", name: "Jonas Berg", locale: "nb", member: ["customer-service"] },
  { email: "elin.holm@demo.test", name: "Elin Holm", locale: "sv", member: ["customer-service"] },
  { email: "ahmed.hassan@demo.test", name: "Ahmed Hassan", member: ["customer-service"] },
  { email: "ida.lund@demo.test", name: "Ida Lund", locale: "da", member: ["customer-service", "e-commerce"] },
  { email: "karin.strom@demo.test", name: "Karin Ström", locale: "sv", manages: ["claims"] },
  { email: "mikkel.dahl@demo.test", name: "Mikkel Dahl", locale: "da", member: ["claims"] },
  { email: "nora.haugen@demo.test", name: "Nora Haugen", locale: "nb", member: ["claims"] },
  { email: "oskar.wall@demo.test", name: "Oskar Wall", locale: "sv", member: ["claims"] },
  { email: "freja.kjaer@demo.test", name: "Freja Kjær", locale: "da", member: ["claims"] },
  { email: "henrik.solberg@demo.test", name: "Henrik Solberg", locale: "nb", manages: ["e-commerce"] },
  { email: "linnea.ek@demo.test", name: "Linnéa Ek", locale: "sv", member: ["e-commerce"] },
  { email: "mads.poulsen@demo.test", name: "Mads Poulsen", locale: "da", member: ["e-commerce"] },
  { email: "sara.ali@demo.test", name: "Sara Ali", member: ["e-commerce"] },
  { email: "tobias.nyberg@demo.test", name: "Tobias Nyberg", locale: "sv", manages: ["it"] },
  { email: "ingrid.bakke@demo.test", name: "Ingrid Bakke", locale: "nb", member: ["it"] },
  { email: "rasmus.friis@demo.test", name: "Rasmus Friis", locale: "da", member: ["it"] },
  { email: "emma.sjoberg@demo.test", name: "Emma Sjöberg", locale: "sv", member: ["it"] },
  { email: "anne.vestergaard@demo.test", name: "Anne Vestergaard", locale: "da", manages: ["credit"] },
  { email: "ole.nilsen@demo.test", name: "Ole Nilsen", locale: "nb", member: ["credit"] },
  { email: "johanna.lind@demo.test", name: "Johanna Lind", locale: "sv", member: ["credit"] },
  { email: "peter.madsen@demo.test", name: "Peter Madsen", locale: "da", member: ["credit"] },
  { email: "siri.aasen@demo.test", name: "Siri Aasen", locale: "nb", manages: ["marketing", "e-commerce"] },
  { email: "viktor.holmberg@demo.test", name: "Viktor Holmberg", locale: "sv", member: ["marketing"] },
  { email: "camilla.brandt@demo.test", name: "Camilla Brandt", locale: "da", member: ["marketing"] },
  { email: "leila.karimi@demo.test", name: "Leila Karimi", member: ["marketing", "customer-service"] },
  { email: "bjorn.ostby@demo.test", name: "Bjørn Østby", locale: "nb", role: "leader", member: ["credit"] },
];

export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return !row;
}

/** Seeds the demo company in one transaction. Returns the number of people. */
export async function seedDemoCompany(db: Database): Promise<{ people: number; departments: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<Slug, string>();
    for (const d of DEPARTMENTS) ids.set(d.slug, (await createDepartment(trx, d)).id);
    const people: { id: string; email: string }[] = [];
    for (const p of PEOPLE) {
      const departments = [
        ...(p.member ?? []).map((slug) => ({ id: ids.get(slug)!, isManager: false })),
        ...(p.manages ?? []).map((slug) => ({ id: ids.get(slug)!, isManager: true })),
      ];
      const user = await createUser(trx, {
        email: p.email,
        name: p.name,
        role: p.role ?? "employee",
        locale: p.locale ?? null,
        passwordHash,
        departments,
      });
      people.push({ id: user.id, email: user.email });
    }
    const leader = people.find((p) => p.email === "leader@demo.test")!;
    const byEmail = new Map(people.map((p) => [p.email, p.id]));
    const behaviours = await seedPromise(trx, { leaderId: leader.id, people });
    await seedStories(trx, { people: byEmail, departments: ids, behaviours });
    await seedShadowing(trx, { people: byEmail, departments: ids, behaviours });
    await seedKpis(trx, { departments: ids, createdBy: people.find((p) => p.email === "manager@demo.test")!.id });
    // The reviews choose from the backlog and store an agenda of the KPIs, stories and shadowing.
    await seedReviews(trx, { departments: ids });
    // After the reviews: recognition thanks for stories, shadowing notes and improvements done.
    await seedRecognition(trx, { people: byEmail, departments: ids, behaviours });
    // Last: a discussed conversation stores the stories, recognition, shadowing and improvements of its period.
    await seedPerformance(trx, { people: byEmail, departments: ids });
  });
  return { people: PEOPLE.length, departments: DEPARTMENTS.length };
}
