/**
 * Demo content for the CX reviews of the seeded demo company: three monthly reviews in Customer Service
 * and one each in Claims (its notes in Swedish) and E-commerce, what each decided, and what became of
 * the decisions afterwards. ./reviews.ts holds them through the real commands, relative to today.
 *
 * The story follows ./shadowing-content.ts: Customer Service had a bad week in the phone queue about
 * eleven weeks ago (./kpis.ts), fixed its lost callbacks about seven weeks ago and has been hearing
 * about the new invoice since; E-commerce's new payment step leaves customers unsure whether they
 * have paid; Claims keeps hearing "where is my claim?". Ideas are backlog texts from
 * ./shadowing-content.ts (a translation of one counts too); people are the demo people in ./demo.ts.
 */
import type { DepartmentSlug } from "./shadowing-content.ts";

export interface SeedDecision {
  /** A name from the department's TOUCHPOINTS. */
  touchpoint: string;
  /**
   * Backlog ideas to choose: the first one still proposed there and older than the meeting (failing
   * that, the newest idea from a shadowing note there).
   */
  ideas?: string[];
  /** Or a new idea raised in the meeting and chosen there and then. */
  raise?: string;
  /** E-mail of a member of the department. */
  owner: string;
  /** Due this many days after the meeting. */
  dueInDays: number;
  /** Started (in progress) and finished (done) this many days after the meeting. */
  startedAfter?: number;
  doneAfter?: number;
  /** Chosen instead when this one cannot be (its touchpoint already has one chosen, or no such idea yet). */
  instead?: SeedDecision;
}

export interface SeedReview {
  department: DepartmentSlug;
  /**
   * The period ends this many weeks before the anchor (the last Sunday at least three days before
   * today) and lasts `weeks`; the meeting is the next morning.
   */
  endsWeeksBefore: number;
  weeks: number;
  /** E-mail of the manager who holds it. */
  manager: string;
  /** Came besides the manager and the owners (people the notes name). */
  present?: string[];
  /** Who else may come: enough of them to make 3 to 6 people in all (seeded). */
  attendees: string[];
  language: "en" | "sv";
  /** Markdown; `{decisions}` becomes the list of what was decided. */
  notes: string;
  decisions: SeedDecision[];
  /** An idea raised in the meeting and left in the backlog for later. */
  raised?: { text: string; touchpoint: string | null };
}

const CS_MANAGER = "manager@demo.test";
const CS_TEAM = [
  "sofie.nielsen@demo.test",
  "jonas.berg@demo.test",
  "elin.holm@demo.test",
  "ahmed.hassan@demo.test",
  "ida.lund@demo.test",
  "leila.karimi@demo.test",
];

/** Per department, oldest first. */
export const REVIEWS: SeedReview[] = [
  {
    department: "customer-service",
    endsWeeksBefore: 8,
    weeks: 4,
    manager: CS_MANAGER,
    present: ["jonas.berg@demo.test", "elin.holm@demo.test"],
    attendees: CS_TEAM,
    language: "en",
    notes: `**The bad week in the phone queue.** For one week in the middle of the period a routing fault sent every call through the main menu: waiting times tripled, and calls answered within 60 seconds fell far below target. Jonas took us through what happened. IT has put an alarm on the routing since, and we agreed that chat colleagues move to the phones whenever more than 20 callers are waiting.

**What the observers hear.** "No callback" is still the reason ticked most often. A promised callback is free text in the case, so nobody can see who should be called today. Elin's callback field is being built and should be live within two weeks.

**Could not find it online.** Many calls are about changing the payment date, which customers can do themselves but cannot find.

**E-mail.** There is nothing about the inbox in the backlog yet, but the team knows the problem well: customers hear nothing until we answer, so they write again, or call.

### Decided

{decisions}`,
    decisions: [
      {
        touchpoint: "Chat",
        ideas: ["Add 'change payment date' to the chat's opening menu"],
        owner: "sofie.nielsen@demo.test",
        dueInDays: 28,
        startedAfter: 5,
        doneAfter: 24,
        instead: {
          touchpoint: "Phone queue",
          ideas: ["Tell callers their expected waiting time and offer a callback when it is over five minutes"],
          owner: "sofie.nielsen@demo.test",
          dueInDays: 35,
          startedAfter: 5,
          doneAfter: 24,
        },
      },
      {
        touchpoint: "E-mail inbox",
        raise:
          "Send an automatic reply to every e-mail that says when we will answer, with links to the three most asked questions",
        owner: "ahmed.hassan@demo.test",
        dueInDays: 42,
        startedAfter: 12,
        doneAfter: 36,
      },
    ],
  },
  {
    department: "customer-service",
    endsWeeksBefore: 4,
    weeks: 4,
    manager: CS_MANAGER,
    present: ["elin.holm@demo.test"],
    attendees: CS_TEAM,
    language: "en",
    notes: `**Celebrated first:** a promised callback is now a field of its own with a time, and today's callbacks sit at the top of the queue view. "No callback" has almost disappeared from the shadowing notes since. Thank you, Elin!

**From last time.** One decision is done already, and the automatic reply on e-mail is being tried out on one of the mailboxes.

**The new invoice.** The new invoice layout went out at the start of the period, and "Unclear invoice" climbs week by week: most of the calls are about the administration fee and the due date. Maja takes the invoice ideas in our backlog to the invoice team this week, and asks them to show us the next change before it goes out.

**Callbacks, step two.** Customers now get their callback, but they still do not know *when* it will come, so some of them stay by the phone all afternoon.

### Decided

{decisions}`,
    decisions: [
      {
        touchpoint: "Callback promise",
        ideas: [
          "Send the customer a text with the agreed callback time",
          "Send kunden en SMS med avtalt tidspunkt for tilbakeringing",
        ],
        owner: "jonas.berg@demo.test",
        dueInDays: 21,
        startedAfter: 4,
        doneAfter: 20,
      },
    ],
    raised: {
      text: "Ask the invoice team to show Customer Service every change to the invoice a month before it goes out",
      touchpoint: "Invoice questions",
    },
  },
  {
    department: "customer-service",
    endsWeeksBefore: 0,
    weeks: 4,
    manager: CS_MANAGER,
    present: ["employee@demo.test", "jonas.berg@demo.test"],
    attendees: CS_TEAM,
    language: "en",
    notes: `**Two wins.** The automatic reply on e-mail is live for all mailboxes: customers are told when we will answer and get links to the most asked questions, and fewer write twice. And customers now get a text with the agreed callback time; Jonas has not heard of a missed callback since.

**Invoices are now our biggest reason for calls.** "Unclear invoice" tops the reasons in the shadowing notes, far ahead of everything else. The work on the invoice itself goes on with the invoice team; until it lands, we can explain the invoice better ourselves, above all in the chat, where we can show it.

**Phone queue.** Waiting times have settled; we keep an eye on Monday mornings.

**Next time** we go through the callback ideas that are left in the backlog.

### Decided

{decisions}`,
    decisions: [
      {
        touchpoint: "Chat",
        raise: "Answer invoice questions in the chat with a picture of the new invoice, each part marked and explained",
        owner: "ida.lund@demo.test",
        dueInDays: 30,
        instead: {
          touchpoint: "E-mail inbox",
          raise: "Add two lines about the new invoice, and a link to the invoice guide, to the automatic e-mail reply",
          owner: "ida.lund@demo.test",
          dueInDays: 30,
        },
      },
    ],
  },
  {
    department: "claims",
    endsWeeksBefore: 1,
    weeks: 4,
    manager: "karin.strom@demo.test",
    present: ["nora.haugen@demo.test"],
    attendees: ["mikkel.dahl@demo.test", "nora.haugen@demo.test", "oskar.wall@demo.test", "freja.kjaer@demo.test"],
    language: "sv",
    notes: `**Läget.** "Inget besked om mitt ärende" är fortfarande det medlyssnarna hör mest. Inget har gått fel i ärendena – kunderna har bara inte hört något på en vecka och ringer för att kolla. Sms:et när ärendet går vidare ett steg (idén från Eriks medlyssning) är på gång hos Nora.

**Beslutsbrevet.** Kunderna ringer och frågar vad beslutet betyder, eftersom beloppet står på sidan två efter villkoren. Mejlen börjar redan med svaret sedan vi skrev om mallarna (se berättelsen om skadebeskedet som ingen förstod); brevet ska göra likadant. Självrisken behöver också förklaras, men vi tar en sak i taget.

**Besiktningar.** Återuppringningar som besiktningsmännen lovar glider, särskilt de som lovas på fredagar.

### Beslut

{decisions}`,
    decisions: [
      {
        touchpoint: "Decision letter",
        ideas: [
          "Put the decision and the amount in the first two lines of the letter",
          "Skriv afgørelsen og beløbet i brevets første linjer",
        ],
        owner: "freja.kjaer@demo.test",
        dueInDays: 35,
        startedAfter: 6,
      },
      {
        touchpoint: "Damage inspection",
        ideas: ["Put the promised callback time in the assessor's calendar"],
        owner: "oskar.wall@demo.test",
        dueInDays: 28,
      },
    ],
  },
  {
    department: "e-commerce",
    endsWeeksBefore: 2,
    weeks: 6,
    manager: "henrik.solberg@demo.test",
    attendees: ["siri.aasen@demo.test", "linnea.ek@demo.test", "mads.poulsen@demo.test", "sara.ali@demo.test"],
    language: "en",
    notes: `**Checkout since the new payment step.** "Payment failed at checkout" came in with the new payment step and grows week by week. The general error message leaves customers unsure whether they have paid: some call Customer Service, some try again and pay twice. Video chat in the checkout is off the table for now; a clear message comes first.

**Could not find it online** is still the reason ticked most over the whole period. Customers search with their own words: "cancel" finds nothing, because the page is called "End your agreement". And the answers they look for on a product page are two clicks further down.

### Decided

{decisions}`,
    decisions: [
      {
        touchpoint: "Checkout",
        ideas: [
          "Replace the general error with a message that says whether money was taken",
          "Skriv i fejlbeskeden, om der er trukket penge eller ej",
          "Show a phone number on the checkout error page during opening hours",
        ],
        owner: "mads.poulsen@demo.test",
        dueInDays: 42,
        startedAfter: 3,
      },
      {
        touchpoint: "FAQ and search",
        ideas: ["Rename 'End your agreement' to 'Cancel your insurance'"],
        owner: "sara.ali@demo.test",
        dueInDays: 14,
        startedAfter: 1,
        doneAfter: 6,
        instead: {
          touchpoint: "Product pages",
          ideas: ["Put the three most asked questions on each product page"],
          owner: "linnea.ek@demo.test",
          dueInDays: 28,
          startedAfter: 2,
        },
      },
    ],
  },
];
