/**
 * Demo content for the performance conversations of the seeded demo company, read by
 * ./performance.ts: an earlier cycle (its period the first half of the last year), nearly all of it
 * discussed, and the current one (the last half year), in progress. People are the e-mails of
 * ./demo.ts; reflections are in the employee's language, notes in that of whoever holds the
 * conversation (the department's manager, or a leader for a manager's own).
 *
 * The earlier period came before the stories, shadowing and recognition of the demo (they begin
 * about half a year ago), so its texts speak of the work in general; the current ones follow the
 * stories of ./stories-content.ts. In the current cycle nothing is written for the demo employee
 * and the demo manager, and nothing is discussed in Customer Service: the demo users can try it.
 * The tone is the prompts' (app/modules/performance/prompts.ts): praise what people did, ask forward.
 */

export type CycleDepartmentSlug = "customer-service" | "claims" | "e-commerce";

export interface SeedPreparation {
  /** E-mail of a member of the department. */
  employee: string;
  /** The self-reflection (markdown). */
  reflection?: string;
  /** The notes for the conversation (markdown). */
  notes?: string;
  /** Marked discussed (only with notes). */
  discussed?: boolean;
  /** Held by this leader instead of the department's manager: a manager's own conversation. */
  heldBy?: string;
}

export interface SeedCycleDepartment {
  department: CycleDepartmentSlug;
  /** E-mail of the department's manager, who holds the conversations. */
  manager: string;
  preparations: SeedPreparation[];
}

const LEADER = "leader@demo.test";
const CS_MANAGER = "manager@demo.test";
const CLAIMS_MANAGER = "karin.strom@demo.test";
const SHOP_MANAGER = "henrik.solberg@demo.test";

/**
 * The first half of the last year: most have had their conversation; a few were written for but
 * not marked discussed (the first cycle in the app).
 */
export const EARLIER_CYCLE: SeedCycleDepartment[] = [
  {
    department: "customer-service",
    manager: CS_MANAGER,
    preparations: [
      {
        employee: "employee@demo.test",
        reflection:
          "I took the late chat shift twice a week and found that I like it: people who write at night are often worried, and a calm first answer helps.\n\nNext I'd like to **learn more about claims**, so that I can answer more without a transfer.",
        notes:
          "- Customers often thank Erik for his evening chats: ask what makes them work.\n- He wants to know more about claims. A day listening in with Claims?",
        discussed: true,
      },
      {
        employee: "sofie.nielsen@demo.test",
        reflection:
          "Det har været en travl vinter med mange spørgsmål om de nye priser. Jeg er glad for, at jeg er blevet bedre til at **forklare en ændring kort og ærligt**.\n\nJeg vil gerne have mere ro til at ringe tilbage, når jeg har lovet det.",
        notes:
          "Sofie explained the price change with patience and honesty, and customers noticed. Talk about how we protect time for her callbacks.",
        discussed: true,
      },
      {
        employee: "jonas.berg@demo.test",
        reflection:
          "Jeg har lært mye på telefonen i vinter, særlig i ukene med snø og innstilte fly. Jeg vil gjerne **bli tryggere i de vanskelige samtalene** og lære av de andre.",
        notes:
          "Jonas stays calm on the busiest days. Ask which colleague he would like to listen in with, and whether he'd like to try chat.",
        discussed: true,
      },
      {
        employee: "elin.holm@demo.test",
        reflection:
          "Jag har trivts med att hjälpa kunder vid disken och i telefon. Mest stolt är jag över att **färre behöver ringa två gånger** om samma blankett.\n\nFramåt vill jag skriva om några av våra standardsvar så att de blir enklare.",
        notes:
          "Elin's idea about simpler standard replies is a good one: agree on the first two she rewrites, and who reads them with her.",
        discussed: true,
      },
      {
        employee: "ahmed.hassan@demo.test",
        reflection:
          "Chat is where I enjoy myself most. I'm proud of the travel cases I could **sort out in one go**. I'd like to share what works in chat with newer colleagues.",
        notes:
          "- Ahmed's one-contact answers in chat are an example for all of us.\n- Explore: a short chat session he runs for new colleagues?",
      },
      {
        employee: "ida.lund@demo.test",
        reflection:
          "Jeg har delt min tid mellem Kundeservice og E-handel, og jeg ser nu, hvad kunderne spørger om, før de ringer. Jeg vil gerne **give flere af de spørgsmål videre** til webholdet.",
      },
      {
        employee: CS_MANAGER,
        heldBy: LEADER,
        reflection:
          "Half a year with three new colleagues and a new phone queue. I'm proud of how the team welcomed them. Next I want us to **learn from customers' own words** more often, not only from the numbers.",
        notes:
          "Maja's team welcomed three new colleagues with real care. Talk about how the leadership team can support her wish to learn from customers' own words.",
        discussed: true,
      },
    ],
  },
  {
    department: "claims",
    manager: CLAIMS_MANAGER,
    preparations: [
      {
        employee: "mikkel.dahl@demo.test",
        reflection:
          "Vinteren gav mange skader efter storm og frost. Jeg er stolt af, at jeg **ringede tilbage, når jeg havde lovet det**, også på de travle dage.",
        notes:
          "Mikkel håller vad han lovar, även när det är som mest att göra. Prata om hur han kan dela sitt sätt att planera återringningar med gruppen.",
        discussed: true,
      },
      {
        employee: "nora.haugen@demo.test",
        reflection:
          "Jeg har fått ta flere saker selv i vinter. Jeg vil gjerne **bli tryggere på vannskader** og lære mer om hvordan takstmannen jobber.",
        notes: "Nora har vuxit mycket i vinter. Föreslå att hon följer med en värderingsman en dag efter sommaren.",
        discussed: true,
      },
      {
        employee: "freja.kjaer@demo.test",
        reflection:
          "Jeg har lært meget om skader på mobiler og elektronik. Jeg vil gerne **skrive kortere og klarere svar** til kunderne.",
        notes: "Freja skriver redan tydligt. Fråga om hon vill hjälpa till att se över våra mallar för skadebesked.",
        discussed: true,
      },
    ],
  },
  {
    department: "e-commerce",
    manager: SHOP_MANAGER,
    preparations: [
      {
        employee: "linnea.ek@demo.test",
        reflection:
          "Jag har jobbat mycket med produktsidorna i vinter. Mest stolt är jag över att **vi frågade Kundservice** vad kunderna undrar innan vi skrev om texterna.",
        notes:
          "Linnéa henter innsikt fra Kundeservice før hun skriver. Snakk om hvordan vi gjør det til en fast vane i teamet.",
        discussed: true,
      },
      {
        employee: "sara.ali@demo.test",
        reflection:
          "I've spent the winter on the self-service pages. I'd like to **talk with customers more** myself, maybe by listening in with Customer Service.",
      },
    ],
  },
];

/**
 * The last half year, in progress. Customer Service: a few reflections and notes, nothing for the
 * demo employee or manager, nothing discussed. Claims and E-commerce: one conversation held each.
 */
export const CURRENT_CYCLE: SeedCycleDepartment[] = [
  {
    department: "customer-service",
    manager: CS_MANAGER,
    preparations: [
      {
        employee: "sofie.nielsen@demo.test",
        reflection:
          "Historien om indbruddet og låsesmeden betød meget for mig: kunden skulle ikke selv ringe rundt. Jeg vil gerne **blive ved med at tage ejerskab** for en sag, også når den går på tværs af afdelinger.",
        notes:
          "- The locksmith story: Sofie owned the case from start to end. Ask what made that possible on a busy day.\n- The invoice questions: what does she hear most, and what could we change?",
      },
      {
        employee: "jonas.berg@demo.test",
        reflection:
          "Jeg er glad for at vi endret kømeldingene – «Du er nummer fire i køen» gjør ventetiden lettere. Neste halvår vil jeg **lære mer om reiseforsikring**, så jeg kan hjelpe dem som står fast i utlandet.",
      },
      {
        employee: "elin.holm@demo.test",
        reflection:
          "Det här halvåret har jag lärt mig mycket om att hjälpa till direkt, som med blanketten vid disken. Jag vill gärna **fortsätta förbättra reseförsäkringssidan** tillsammans med E-handel.",
        notes:
          "Elin's notes on travel insurance questions helped E-commerce rewrite the page. Ask if she'd like to keep that link going, and how we make room for it.",
      },
      {
        employee: "ahmed.hassan@demo.test",
        notes:
          "- Three stories this half year, each about **putting things right**: the breakdown on the motorway, the stolen e-bike, the late fee.\n- Ask what he'd like to take on next. Helping new colleagues in chat?",
      },
      {
        employee: "ida.lund@demo.test",
        reflection:
          "Tre opkald om adresseændring blev til en side, der nu virker. Jeg vil gerne **gøre det til en vane**: når vi hører det samme spørgsmål tre gange, siger vi det til webholdet.",
      },
    ],
  },
  {
    department: "claims",
    manager: CLAIMS_MANAGER,
    preparations: [
      {
        employee: "mikkel.dahl@demo.test",
        reflection:
          "Træet på carporten lærte mig, hvor meget et opkald til den aftalte tid betyder. Jeg vil gerne **hjælpe nye kolleger** med at planlægge deres tilbageringninger.",
        notes:
          "Mikkel ringer när han har lovat, och kunderna märker det. Prata om att han blir fadder för nästa nya kollega.",
        discussed: true,
      },
      {
        employee: "nora.haugen@demo.test",
        reflection:
          "Min første skadesak alene var skummel, men jeg fikk god hjelp. Jeg vil **bli tryggere på å ta beslutninger selv** og vite når jeg skal spørre.",
        notes:
          "Nora har tagit stora steg i höst. Fråga vilka beslut hon vill ta själv framåt, och hur vi stöttar henne när det är svårt.",
      },
      {
        employee: "oskar.wall@demo.test",
        reflection:
          "Reservdelen som dröjde visade hur mycket ett sms samma dag betyder. Jag vill **ge fler kunder besked innan de hinner undra**.",
      },
    ],
  },
  {
    department: "e-commerce",
    manager: SHOP_MANAGER,
    preparations: [
      {
        employee: "linnea.ek@demo.test",
        reflection:
          "Reseförsäkringssidan blev bättre för att vi lyssnade på Kundservice. Nästa halvår vill jag **titta på betalningssteget** med samma ögon.",
        notes:
          "Linnéa fikk ned samtalene om reiseforsikring ved å lytte til Kundeservice. Snakk om å bruke samme metode på betalingssteget.",
        discussed: true,
      },
      {
        employee: "mads.poulsen@demo.test",
        notes:
          "Spør Mads hva han har lært av kundene som var usikre på om de hadde betalt, og hva han vil prøve neste gang.",
      },
      {
        employee: "sara.ali@demo.test",
        reflection:
          "Calling back the customer who gave our claim form a 3 taught me more than any report. I'd like to **make those calls a habit**, maybe once a month.",
      },
    ],
  },
];
