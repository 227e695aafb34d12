/**
 * Demo content for shadowing ("på lyt", "Be the Client") in the seeded demo company: each department's
 * touchpoints, the failure-demand reasons of the four customer-facing departments, the building blocks the
 * generator in ./shadowing.ts composes notes from, a few notes written out in full (Swedish, Danish, Norwegian
 * Bokmål, and the English ones the demo story relies on), the upcoming sessions and a few suggestions.
 *
 * Notes describe the process the observer saw, never how well the host colleague did; customers are never
 * named. Behaviour keys refer to PROMISE_V2 in ./promise-content.ts; people are the demo people in ./demo.ts.
 *
 * The story in the data: Customer Service fixed its lost callbacks about two months ago ("No callback"
 * fades, the improvement is done) and sent out a new invoice layout about seven weeks ago ("Unclear
 * invoice" climbs to the top); E-commerce changed its payment step about two months ago ("Payment failed
 * at checkout" appears and grows); Claims keeps hearing "where is my claim?".
 */

export type HostSlug = "customer-service" | "claims" | "credit" | "e-commerce";
export type DepartmentSlug = HostSlug | "it" | "marketing";
export type SlotChannel = "phone" | "chat" | "email" | "in_person";
export type Kano = "must_be" | "performance" | "attractive";
export type Job = "functional" | "emotional" | "social";
export type NordicLanguage = "sv" | "da" | "nb";

/** The reasons every customer-facing department starts with. */
export const COMMON_REASONS = [
  "Unclear invoice",
  "No callback",
  "Long wait",
  "Could not find it online",
  "Staff could not answer",
] as const;

/** Where customers meet each department, in the order the department lists them. */
export const TOUCHPOINTS: Record<DepartmentSlug, string[]> = {
  "customer-service": ["Phone queue", "Chat", "Callback promise", "Invoice questions", "E-mail inbox"],
  claims: ["Claims form", "Claim status updates", "Decision letter", "Damage inspection", "Payout"],
  credit: ["Loan application", "Document upload", "Credit decision", "Payment plans"],
  "e-commerce": ["Product pages", "Checkout", "My pages login", "Order confirmation", "FAQ and search"],
  it: ["App sign-in", "Service status page", "Outage messages"],
  marketing: ["Newsletter", "Social media replies", "Campaign pages", "Offer letters"],
};

export interface SeedIdea {
  text: string;
  /** A name from the department's TOUCHPOINTS, or null. */
  touchpoint: string | null;
}

export interface SeedReason {
  label: string;
  /** How often observers tick it: the weight about 17 weeks ago and now. */
  weight: [number, number];
  /** Weeks ago between which the weight moves from the first to the second value (default: the whole period). */
  between?: [number, number];
  /** Added to the list this many weeks ago (default: before the period); older notes cannot use it. */
  addedWeeksAgo?: number;
  kano: Kano;
  job: Job;
  /** Observations, one or two sentences each (English, markdown). */
  pains: string[];
  ideas: SeedIdea[];
}

export interface SeedSchedule {
  /** 1 Monday … 5 Friday. */
  weekday: number;
  /** Local hours (Europe/Stockholm) the session may start at. */
  hours: number[];
  channels: SlotChannel[];
  everyOtherWeek?: boolean;
}

export interface HostPlan {
  schedule: SeedSchedule[];
  /** Practical notes for the observer; a slot uses one now and then. */
  details: string[];
  /** What observers saw go well: single sentences about the process. */
  wentWell: string[];
  /** Behaviour keys observers tend to tag here. */
  behaviours: string[];
  /** The common reasons (phrased for this department) and one or two of its own. */
  reasons: SeedReason[];
}

export const HOSTS: Record<HostSlug, HostPlan> = {
  "customer-service": {
    schedule: [
      { weekday: 2, hours: [9, 9, 10], channels: ["phone", "phone", "email"] },
      { weekday: 4, hours: [13, 14], channels: ["chat"], everyOtherWeek: true },
    ],
    details: [
      "Meet at the team area on floor 2; a spare headset is on the shelf by the window.",
      "We sit on floor 2, next to the kitchen. Grab a coffee and come over.",
      "For chat sessions you sit next to one of us and read along on the second screen.",
      "Please arrive five minutes early so we can set up the listening line before the queue opens.",
    ],
    wentWell: [
      "Calls that reached an agent were greeted warmly, and the customer got to explain the problem straight away.",
      "The case view shows each customer's recent contacts, so nobody had to repeat what they said last time.",
      "When a question belonged to Claims, the transfer happened with the customer still on the line and a short summary passed on first.",
      "Every call I heard ended with a clear next step and a time for it.",
      "The team shares tricky questions in their channel during the shift, and answers came back within minutes.",
      "Chat replies were written for the person asking rather than pasted from templates, and customers noticed.",
      "Invoice questions got a plain explanation line by line, without insurance jargon.",
      "Quiet moments between calls were used to finish the case notes, so the next colleague can pick up where things were left.",
      "Customers who were upset were allowed to finish before anyone started explaining, and the calls calmed down quickly.",
    ],
    behaviours: ["b-call-back", "b-name-next-step", "b-three-metres", "b-chat-first-reply", "b-own-the-case"],
    reasons: [
      {
        label: "Unclear invoice",
        weight: [1, 7],
        between: [7, 2],
        kano: "must_be",
        job: "functional",
        pains: [
          "Several callers had the new invoice in front of them and could not tell which amount was due now and which was last year's price.",
          "Customers asked why the yearly premium is split into two lines on the invoice; the answer takes a minute every time, and the question keeps coming.",
          "Three calls in a row were about the same line, the administration fee, which the invoice does not explain anywhere.",
          "The due date on the new invoice is easy to miss, and a few customers called only to ask when they had to pay.",
        ],
        ideas: [
          { text: "Add a short 'what you pay and why' box at the top of the invoice", touchpoint: "Invoice questions" },
          {
            text: "Explain the administration fee in one sentence next to the amount",
            touchpoint: "Invoice questions",
          },
          {
            text: "Give the team a one-page guide to the new invoice layout with the five most common questions",
            touchpoint: "Invoice questions",
          },
          { text: "Make the due date the largest text on the invoice", touchpoint: "Invoice questions" },
        ],
      },
      {
        label: "No callback",
        weight: [5, 0.8],
        between: [10, 6],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Some customers were calling again because a callback they had been promised never happened.",
          "One customer had waited two days for a promised call; the promise was in the free-text notes, so nobody saw it in time.",
        ],
        ideas: [
          { text: "Send the customer a text with the agreed callback time", touchpoint: "Callback promise" },
          { text: "Show promised callbacks that are overdue in red in the queue view", touchpoint: "Callback promise" },
        ],
      },
      {
        label: "Long wait",
        weight: [3, 3.5],
        kano: "performance",
        job: "emotional",
        pains: [
          "The queue peaked around half past nine, and several customers opened with how long they had waited before saying why they called.",
          "Callers get no estimate of the waiting time, so some hung up and tried the chat as well, which doubles the work.",
        ],
        ideas: [
          {
            text: "Tell callers their expected waiting time and offer a callback when it is over five minutes",
            touchpoint: "Phone queue",
          },
          { text: "Move one chat agent to the phone queue on Monday mornings", touchpoint: "Phone queue" },
        ],
      },
      {
        label: "Could not find it online",
        weight: [1.5, 1],
        kano: "must_be",
        job: "functional",
        pains: [
          "A good share of the calls were simple questions that the website does answer, just not where customers look for them.",
          "Customers could not find how to change their payment date online, so they phoned to ask.",
        ],
        ideas: [
          {
            text: "Share the week's five most asked questions with E-commerce every Monday, so the web answers can follow",
            touchpoint: null,
          },
          { text: "Add 'change payment date' to the chat's opening menu", touchpoint: "Chat" },
        ],
      },
      {
        label: "Staff could not answer",
        weight: [1.5, 0.6],
        kano: "must_be",
        job: "functional",
        pains: [
          "Questions about the new travel cover had no answer in the knowledge base yet, so the customer had to wait for a call back.",
          "A customer asked about a campaign offer the team had not been told about, and the answer had to be looked up on the public website.",
        ],
        ideas: [
          { text: "Ask Marketing to brief the team before each campaign goes live", touchpoint: null },
          {
            text: "Keep a 'new this week' page in the knowledge base, updated by the product owners",
            touchpoint: null,
          },
        ],
      },
      {
        label: "Transferred without a handover",
        weight: [2, 3],
        kano: "performance",
        job: "emotional",
        pains: [
          "Calls that had to go to another department went back into a queue, and the customer had to tell the whole story again.",
          "One customer had been transferred twice before reaching the team, and most of the call went on working out who owned the case.",
        ],
        ideas: [
          {
            text: "Agree a direct line to Claims and Credit for warm transfers during opening hours",
            touchpoint: "Phone queue",
          },
          { text: "Add a three-line summary field that follows the case when it is transferred", touchpoint: null },
        ],
      },
      {
        label: "Reminder sent before the invoice",
        weight: [1, 0.6],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Some customers got a payment reminder before the invoice itself had arrived, and called worried about fees.",
        ],
        ideas: [
          {
            text: "Check the reminder run against the invoice dates before it goes out",
            touchpoint: "Invoice questions",
          },
        ],
      },
    ],
  },

  claims: {
    schedule: [
      { weekday: 3, hours: [9, 9, 13], channels: ["phone", "phone", "email", "in_person"] },
      { weekday: 5, hours: [9, 10], channels: ["phone"], everyOtherWeek: true },
    ],
    details: [
      "We meet in the small meeting room on floor 3 and listen to the calls on the speaker.",
      "For e-mail sessions, bring your laptop: we go through the shared claims inbox together.",
      "Meet at the Claims desk on floor 3. We start with ten minutes on how a claim moves through the team.",
    ],
    wentWell: [
      "Each call started with what had happened and whether everyone was all right, before any policy questions.",
      "Handlers explained the next step and when it would happen, so the customer knew what to expect.",
      "Photos sent with the claims form arrived straight in the case, so nobody had to ask for them again.",
      "Simple claims were approved during the call itself, which customers clearly did not expect.",
      "The team's short checklist for water damage keeps the conversation calm and in order.",
      "E-mails were answered in plain language, starting with the decision rather than the policy terms.",
      "Repairers were booked while the customer was still on the line.",
    ],
    behaviours: ["b-own-the-case", "b-proactive-update", "b-plain-language", "b-three-metres", "b-name-next-step"],
    reasons: [
      {
        label: "No news on my claim",
        weight: [4, 5],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Most of the calls were customers asking where their claim stands; nothing had gone wrong, they just had not heard anything for a week.",
          "The status in the online claims view says 'received' until the decision, so customers call to check that something is happening.",
          "When a claim waits for the repairer, the customer is not told, and the silence is what makes them call.",
        ],
        ideas: [
          {
            text: "Send an automatic status text when a claim moves to the next step",
            touchpoint: "Claim status updates",
          },
          {
            text: "Show the steps of a claim, with expected dates, in the online claims view",
            touchpoint: "Claim status updates",
          },
          {
            text: "Give every open claim a weekly update, even when the news is 'still waiting for the repairer'",
            touchpoint: "Claim status updates",
          },
        ],
      },
      {
        label: "Decision letter hard to follow",
        weight: [3, 3],
        kano: "must_be",
        job: "functional",
        pains: [
          "Customers called to ask what the decision letter actually meant: the amount paid out is on page two, after the policy terms.",
          "The word 'deductible' came up in almost every call about a decision, and customers were unsure how it had been worked out.",
        ],
        ideas: [
          {
            text: "Put the decision and the amount in the first two lines of the letter",
            touchpoint: "Decision letter",
          },
          {
            text: "Show the deductible as a small sum: the damage, minus what you pay yourself, equals the payout",
            touchpoint: "Decision letter",
          },
        ],
      },
      {
        label: "Unclear invoice",
        weight: [1, 0.8],
        kano: "must_be",
        job: "functional",
        pains: [
          "A few customers had received an invoice for their deductible from the repairer and did not understand why they were paying anything.",
        ],
        ideas: [
          {
            text: "Tell the customer about the deductible invoice when the repair is booked, not after",
            touchpoint: "Payout",
          },
        ],
      },
      {
        label: "No callback",
        weight: [2, 2.5],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Customers mentioned a call from an assessor that was promised but never came, and phoned the main number instead.",
          "Callbacks promised on a Friday afternoon tend to slip into the next week, and by Tuesday the customer calls again.",
        ],
        ideas: [
          { text: "Put the promised callback time in the assessor's calendar", touchpoint: "Damage inspection" },
          { text: "Hand over open callback promises at the end of each week", touchpoint: null },
        ],
      },
      {
        label: "Long wait",
        weight: [2, 1],
        kano: "performance",
        job: "emotional",
        pains: [
          "After a rainy weekend the queue was long, and customers with urgent damage waited as long as those with a simple question.",
        ],
        ideas: [{ text: "Add an 'urgent damage' choice at the start of the phone menu", touchpoint: null }],
      },
      {
        label: "Could not find it online",
        weight: [1.5, 1],
        kano: "must_be",
        job: "functional",
        pains: [
          "Customers could not find the claims form in the app and phoned in their claim instead, which takes twice as long.",
        ],
        ideas: [
          { text: "Put a 'report a claim' button on the app's start screen", touchpoint: "Claims form" },
          { text: "Let customers save the claims form and finish it later", touchpoint: "Claims form" },
        ],
      },
      {
        label: "Staff could not answer",
        weight: [1, 0.8],
        kano: "must_be",
        job: "functional",
        pains: [
          "Questions about when the money would arrive had no clear answer, because the payout date sits in a system the team cannot see.",
        ],
        ideas: [{ text: "Show the expected payout date in the case view", touchpoint: "Payout" }],
      },
    ],
  },

  credit: {
    schedule: [{ weekday: 4, hours: [10, 10, 13], channels: ["phone", "in_person", "in_person"] }],
    details: [
      "Advice meetings are in the Fjord room on floor 1; you sit in as a quiet listener.",
      "We start with ten minutes on how an application flows through the team.",
      "Phone sessions are at our desks on floor 1. Bring a notebook; the screens are busy.",
    ],
    wentWell: [
      "Advisers took time to understand the customer's situation before talking about products or rates.",
      "The monthly cost was explained with a real example rather than an interest rate alone.",
      "Customers were told exactly which documents were missing and how to send them.",
      "A customer with a difficult month was offered a payment plan calmly and without any blame.",
      "Applications that were complete got a decision the same day, with a personal call to say so.",
      "Applications are checked for gaps before the customer leaves the meeting, which saves a round trip.",
    ],
    behaviours: ["b-plain-language", "b-proactive-update", "b-name-next-step", "b-call-back", "b-three-metres"],
    reasons: [
      {
        label: "Asked for documents twice",
        weight: [4, 4],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Several customers had already uploaded their payslips and were asked for them again, because uploads do not reach the case by themselves.",
          "The list of documents needed is only sent after the application, so most customers need two rounds to complete it.",
        ],
        ideas: [
          {
            text: "Show the list of documents needed before the customer starts the application",
            touchpoint: "Loan application",
          },
          { text: "Confirm each upload to the customer, with what is still missing", touchpoint: "Document upload" },
          { text: "Accept photos of documents, not only PDF files", touchpoint: "Document upload" },
        ],
      },
      {
        label: "Decision took longer than promised",
        weight: [3, 2],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Customers were told 'a few days' for a decision, and many called on day three to ask.",
          "When an application waits for a valuation, the customer is not told, so the silence feels like a refusal.",
        ],
        ideas: [
          { text: "Give a date for the decision instead of 'a few days'", touchpoint: "Credit decision" },
          {
            text: "Tell the customer when the application is waiting for someone else, and for whom",
            touchpoint: "Credit decision",
          },
        ],
      },
      {
        label: "Unclear invoice",
        weight: [2, 3],
        kano: "must_be",
        job: "functional",
        pains: [
          "Customers on a payment plan could not see on the invoice how much was interest and how much paid off the loan.",
          "The first invoice after a loan starts covers part of a month, and customers called to ask why the amount looked odd.",
        ],
        ideas: [
          { text: "Split each instalment into interest and repayment on the invoice", touchpoint: "Payment plans" },
          { text: "Explain the first, shorter period in the welcome letter", touchpoint: "Payment plans" },
        ],
      },
      {
        label: "No callback",
        weight: [2, 1.5],
        kano: "must_be",
        job: "emotional",
        pains: [
          "A promised callback was lost while the adviser was away, and the customer rang the main number instead.",
        ],
        ideas: [
          { text: "Keep promised callbacks in the shared team calendar, not in personal ones", touchpoint: null },
        ],
      },
      {
        label: "Long wait",
        weight: [1, 0.8],
        kano: "performance",
        job: "functional",
        pains: [
          "Booking an advice meeting took more than a week in busy periods, and some customers went to another bank in the meantime.",
        ],
        ideas: [
          {
            text: "Offer a short phone meeting when there is no in-person time within five days",
            touchpoint: "Loan application",
          },
        ],
      },
      {
        label: "Could not find it online",
        weight: [1.5, 1],
        kano: "must_be",
        job: "functional",
        pains: ["Customers looked for their remaining loan balance online, could not find it, and called."],
        ideas: [
          { text: "Show the remaining balance and the next payment on the start page of My pages", touchpoint: null },
        ],
      },
      {
        label: "Staff could not answer",
        weight: [1, 0.8],
        kano: "must_be",
        job: "functional",
        pains: [
          "Questions about how a payment pause affects the interest had no ready answer, and had to be checked with a colleague first.",
        ],
        ideas: [
          { text: "Write a short internal guide to payment pauses with worked examples", touchpoint: "Payment plans" },
        ],
      },
    ],
  },

  "e-commerce": {
    schedule: [{ weekday: 1, hours: [13, 14], channels: ["chat", "chat", "email", "phone"] }],
    details: [
      "Chat sessions: sit with us by the big screens on floor 4.",
      "We will also show you the web statistics for the pages customers asked about.",
      "Floor 4, the desks by the stairs. Bring your own laptop if you want to try the pages as we go.",
    ],
    wentWell: [
      "Chat answers linked straight to the right page, and customers often solved the rest themselves.",
      "The team checks the web pages while chatting and fixes small errors on the spot.",
      "Questions that keep coming up are collected on a board and turned into page changes every week.",
      "The price calculator gave the same price as the chat, so customers trusted it.",
      "Customers who got stuck in the checkout were helped to finish the purchase within the same chat.",
      "Replies were short and friendly, with a link rather than a long explanation.",
    ],
    behaviours: ["b-web-answers", "b-chat-first-reply", "b-plain-language", "b-share-learning"],
    reasons: [
      {
        label: "Could not find it online",
        weight: [5, 4],
        kano: "must_be",
        job: "functional",
        pains: [
          "Customers searched for 'cancel' and got no results, because the page is called 'End your agreement'.",
          "Many chats started with 'where can I find…', and the answer was usually two clicks further down than customers expected.",
          "The FAQ has the answer, but the search does not find it with the words customers use.",
        ],
        ideas: [
          {
            text: "Add the words customers use as search synonyms for the ten most visited answers",
            touchpoint: "FAQ and search",
          },
          { text: "Rename 'End your agreement' to 'Cancel your insurance'", touchpoint: "FAQ and search" },
          { text: "Put the three most asked questions on each product page", touchpoint: "Product pages" },
        ],
      },
      {
        label: "Payment failed at checkout",
        weight: [0, 4],
        between: [8.5, 4],
        addedWeeksAgo: 9,
        kano: "must_be",
        job: "emotional",
        pains: [
          "Since the new payment step, several customers saw a general error message and did not know whether they had paid.",
          "Customers whose card payment failed were not offered another way to pay, and some gave up.",
        ],
        ideas: [
          {
            text: "Replace the general error with a message that says whether money was taken",
            touchpoint: "Checkout",
          },
          { text: "Offer invoice payment when the card payment fails", touchpoint: "Checkout" },
        ],
      },
      {
        label: "Could not log in to My pages",
        weight: [3, 2],
        kano: "must_be",
        job: "functional",
        pains: [
          "Customers without a digital ID could not log in at all and had to use the chat for everything.",
          "The login page does not say what to do when the digital ID app fails, so customers start a chat instead.",
        ],
        ideas: [
          { text: "Add a 'log in another way' link with a one-time code by e-mail", touchpoint: "My pages login" },
          { text: "Explain the most common login errors right on the login page", touchpoint: "My pages login" },
        ],
      },
      {
        label: "Unclear invoice",
        weight: [1, 1],
        kano: "must_be",
        job: "functional",
        pains: [
          "The order confirmation shows the first payment, not the yearly price, and customers thought they had been charged twice.",
        ],
        ideas: [
          {
            text: "Show both the first payment and the yearly price on the order confirmation",
            touchpoint: "Order confirmation",
          },
        ],
      },
      {
        label: "No callback",
        weight: [0.5, 0.5],
        kano: "must_be",
        job: "emotional",
        pains: [
          "Customers who asked for a call about a web quote did not hear back, because the request landed in a shared inbox.",
        ],
        ideas: [
          { text: "Send callback requests from the web shop to the phone team's callback list", touchpoint: null },
        ],
      },
      {
        label: "Long wait",
        weight: [1.5, 1],
        kano: "performance",
        job: "emotional",
        pains: [
          "In the evening the chat promised an answer within a few minutes but took much longer, and customers left.",
        ],
        ideas: [{ text: "Show the real chat waiting time instead of a fixed promise", touchpoint: null }],
      },
      {
        label: "Staff could not answer",
        weight: [1, 0.8],
        kano: "must_be",
        job: "functional",
        pains: [
          "Questions about a campaign discount could not be answered in the chat, since the team had not seen the campaign terms.",
        ],
        ideas: [
          { text: "Publish campaign terms on the intranet before a campaign goes live", touchpoint: "Product pages" },
        ],
      },
    ],
  },
};

/** Closing thanks to the host colleague; `{host}` is their first name. */
export const THANKS: Record<"en" | NordicLanguage, string[]> = {
  en: [
    "Thanks, {host}, for letting me listen in and for explaining the screens between calls.",
    "Big thanks to {host} for sharing the headset and the shortcuts.",
    "Thank you, {host}: one session taught me more than a month of reports.",
    "Thanks to {host} for walking me through each case afterwards.",
  ],
  sv: ["Tack, {host}, för att jag fick lyssna!"],
  da: ["Tak til {host} for at lade mig lytte med."],
  nb: ["Takk til {host} for at jeg fikk være med!"],
};

/** Sentences that round off a list of pain points (about the process, never about people). */
export const PAIN_CLOSERS: string[] = [
  "None of this is about the people answering: the process sends these contacts their way.",
  "It would be worth counting these for a few weeks to see how often it really happens.",
  "Some of this starts in my own team, so I have taken it back with me.",
];

export interface SeedNordicNote {
  department: HostSlug;
  language: NordicLanguage;
  /** Only for sessions at most this many weeks ago (the problem did not exist before). */
  withinWeeks?: number;
  wentWell: string;
  painPoints: string;
  /** Labels from the department's reasons. */
  reasons: string[];
  ideas: SeedIdea[];
  kano: Kano;
  job: Job;
  behaviours: string[];
}

/** Notes that Nordic-named observers write in their own language (each used at most once). */
export const NORDIC_NOTES: SeedNordicNote[] = [
  {
    department: "customer-service",
    language: "sv",
    withinWeeks: 7,
    wentWell:
      "Samtalen avslutades alltid med ett tydligt besked om vad som händer härnäst. Anteckningarna i ärendet var så fullständiga att nästa kollega kan ta över utan att fråga kunden igen.",
    painPoints:
      "Många ringde om den nya fakturan och förstod inte vilket belopp som skulle betalas. Några hade dessutom fått en påminnelse innan fakturan kommit fram och var oroliga för avgifter.",
    reasons: ["Unclear invoice", "Reminder sent before the invoice"],
    ideas: [{ text: "Förklara varje rad på fakturan med en kort mening", touchpoint: "Invoice questions" }],
    kano: "must_be",
    job: "functional",
    behaviours: ["b-plain-language"],
  },
  {
    department: "customer-service",
    language: "da",
    wentWell:
      "Det var tydeligt, at teamet hjælper hinanden: svære spørgsmål blev delt i deres kanal, og svaret kom på få minutter. Kunderne fik en personlig hilsen i chatten i stedet for en standardtekst.",
    painPoints:
      "Flere kunder havde ventet længe i telefonkøen og prøvede samtidig chatten, så de samme spørgsmål blev besvaret to gange. Ved overførsel til Skade skulle kunden fortælle hele historien igen.",
    reasons: ["Long wait", "Transferred without a handover"],
    ideas: [
      { text: "Vis den forventede ventetid i telefonkøen, og tilbyd at ringe kunden op", touchpoint: "Phone queue" },
      { text: "Aftal et fast nummer til varme overførsler mellem Kundeservice og Skade", touchpoint: null },
    ],
    kano: "performance",
    job: "emotional",
    behaviours: ["b-own-the-case"],
  },
  {
    department: "customer-service",
    language: "nb",
    wentWell:
      "Hver samtale endte med at kunden visste hva som skjer videre, og når. Det som manglet, ble skrevet inn i saken mens kunden fortsatt var på linjen.",
    painPoints:
      "Noen kunder ringte fordi de ikke hadde fått den tilbakeringingen de var lovet. Andre fant ikke ut på nettsidene hvordan de endrer betalingsdato.",
    reasons: ["No callback", "Could not find it online"],
    ideas: [{ text: "Send kunden en SMS med avtalt tidspunkt for tilbakeringing", touchpoint: "Callback promise" }],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-call-back", "b-name-next-step"],
  },
  {
    department: "claims",
    language: "sv",
    wentWell:
      "Handläggarna började varje samtal med att fråga vad som hänt och om alla var oskadda. Bilderna från skadeanmälan fanns redan i ärendet, så kunden slapp skicka dem igen.",
    painPoints:
      "De flesta som ringde ville bara veta hur det gick med deras ärende. Statusen på webben står på ”mottagen” ända tills beslutet kommer, och då känns det som att ingenting händer.",
    reasons: ["No news on my claim"],
    ideas: [{ text: "Skicka ett sms när ärendet går vidare till nästa steg", touchpoint: "Claim status updates" }],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-proactive-update"],
  },
  {
    department: "claims",
    language: "da",
    wentWell:
      "Håndværkeren blev bestilt, mens kunden stadig var i telefonen, og kunden fik at vide præcis, hvornår de ville høre fra os. Det gav ro i samtalen.",
    painPoints:
      "Kunderne forstod ikke afgørelsesbrevet: beløbet står først på side to, efter forsikringsbetingelserne. Ordet ”selvrisiko” skulle forklares i næsten hvert opkald.",
    reasons: ["Decision letter hard to follow"],
    ideas: [
      { text: "Skriv afgørelsen og beløbet i brevets første linjer", touchpoint: "Decision letter" },
      { text: "Vis selvrisikoen som et lille regnestykke", touchpoint: "Decision letter" },
    ],
    kano: "must_be",
    job: "functional",
    behaviours: ["b-plain-language"],
  },
  {
    department: "claims",
    language: "nb",
    wentWell:
      "Sjekklisten for vannskader gjorde samtalene rolige og ryddige, også når kunden var stresset. Enkle skader ble godkjent mens kunden var på telefonen.",
    painPoints:
      "Etter en regnfull helg var køen lang, og kunder med akutte skader ventet like lenge som dem som bare hadde et spørsmål. Noen hadde ventet på en takstmann som skulle ringe, men som aldri gjorde det.",
    reasons: ["Long wait", "No callback"],
    ideas: [{ text: "Legg til et eget valg for akutte skader først i telefonmenyen", touchpoint: null }],
    kano: "performance",
    job: "emotional",
    behaviours: ["b-three-metres"],
  },
  {
    department: "credit",
    language: "sv",
    wentWell:
      "Rådgivaren tog sig tid att förstå kundens situation innan det blev tal om räntor. Månadskostnaden förklarades med ett räkneexempel som kunden kände igen sig i.",
    painPoints:
      "Flera kunder hade redan laddat upp sina lönebesked men ombads skicka dem igen. Listan över vilka dokument som behövs kommer först efter ansökan.",
    reasons: ["Asked for documents twice"],
    ideas: [{ text: "Visa listan över dokument innan kunden börjar ansöka", touchpoint: "Loan application" }],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-plain-language"],
  },
  {
    department: "credit",
    language: "da",
    wentWell:
      "En kunde med en svær måned fik tilbudt en afdragsordning i et roligt tonefald og uden bebrejdelser. Ansøgningen blev gennemgået for huller, før kunden gik.",
    painPoints:
      "På fakturaen kan kunderne ikke se, hvor meget der er rente, og hvor meget der er afdrag. Den første faktura dækker kun en del af måneden, og det giver spørgsmål.",
    reasons: ["Unclear invoice"],
    ideas: [{ text: "Del hver ydelse op i rente og afdrag på fakturaen", touchpoint: "Payment plans" }],
    kano: "must_be",
    job: "functional",
    behaviours: ["b-three-metres"],
  },
  {
    department: "credit",
    language: "nb",
    wentWell:
      "Søknader som var komplette, fikk svar samme dag, og kunden ble ringt opp personlig. Kundene fikk vite nøyaktig hvilke dokumenter som manglet.",
    painPoints:
      "Kundene fikk beskjed om svar «om noen dager», og mange ringte allerede på dag tre. Når en søknad venter på en takst, får ikke kunden vite det.",
    reasons: ["Decision took longer than promised"],
    ideas: [
      { text: "Gi kunden en dato for svaret i stedet for «om noen dager»", touchpoint: "Credit decision" },
      { text: "Si fra når søknaden venter på noen andre, og på hvem", touchpoint: "Credit decision" },
    ],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-proactive-update", "b-name-next-step"],
  },
  {
    department: "e-commerce",
    language: "sv",
    wentWell:
      "Svaren i chatten länkade direkt till rätt sida, och många kunder löste resten själva. Små fel på webben rättades medan chatten pågick.",
    painPoints:
      "Kunder sökte på ”säga upp” och fick inga träffar, eftersom sidan heter något annat. Svaren finns på webben, men sökningen hittar dem inte med kundernas egna ord.",
    reasons: ["Could not find it online"],
    ideas: [{ text: "Lägg in kundernas egna ord som synonymer i sökningen", touchpoint: "FAQ and search" }],
    kano: "must_be",
    job: "functional",
    behaviours: ["b-web-answers"],
  },
  {
    department: "e-commerce",
    language: "da",
    withinWeeks: 8,
    wentWell:
      "Svarene var korte og venlige, med et link i stedet for en lang forklaring. Kunder, der sad fast i betalingen, fik hjælp til at gøre købet færdigt i samme chat.",
    painPoints:
      "Efter det nye betalingstrin så flere kunder en generel fejlbesked og vidste ikke, om de havde betalt. De fik heller ikke tilbudt en anden måde at betale på.",
    reasons: ["Payment failed at checkout"],
    ideas: [
      { text: "Skriv i fejlbeskeden, om der er trukket penge eller ej", touchpoint: "Checkout" },
      { text: "Tilbyd betaling med faktura, når kortbetalingen fejler", touchpoint: "Checkout" },
    ],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-chat-first-reply"],
  },
  {
    department: "e-commerce",
    language: "nb",
    wentWell:
      "Spørsmål som kommer igjen og igjen, samles på en tavle og blir til endringer på nettsidene hver uke. Priskalkulatoren ga samme pris som chatten, så kundene stolte på den.",
    painPoints:
      "Kunder uten digital ID kom ikke inn på Mine sider og måtte bruke chatten til alt. Innloggingssiden sier ingenting om hva man gjør når ID-appen ikke virker.",
    reasons: ["Could not log in to My pages"],
    ideas: [{ text: "Legg til en lenke for innlogging med engangskode på e-post", touchpoint: "My pages login" }],
    kano: "must_be",
    job: "functional",
    behaviours: ["b-web-answers"],
  },
];

export interface ScriptedIdea extends SeedIdea {
  status?: "chosen" | "in_progress" | "done" | "dropped";
  /** E-mail of a member of the host department. */
  owner?: string;
  /** Due this many days from today (chosen, in progress). */
  dueInDays?: number;
  /** Finished this many weeks ago (done). */
  doneWeeksAgo?: number;
  droppedReason?: string;
}

/** Notes the demo relies on, placed on the host department's session closest to `weeksAgo`. */
export interface ScriptedNote {
  observer: string;
  department: HostSlug;
  weeksAgo: number;
  /** May contain `{host}`: the session gets a host. */
  wentWell: string;
  painPoints: string;
  reasons: string[];
  ideas: ScriptedIdea[];
  kano: Kano;
  job: Job;
  behaviours: string[];
}

export const SCRIPTED_NOTES: ScriptedNote[] = [
  {
    // The demo employee's own session, in Claims.
    observer: "employee@demo.test",
    department: "claims",
    weeksAgo: 5,
    wentWell:
      "Every call began with what had happened and whether anyone was hurt, and only then moved on to the policy. Photos from the claims form were already in the case, so nobody had to send them twice. Thanks, {host}, for explaining each step between the calls.",
    painPoints:
      "Most callers simply wanted to know where their claim stood: nothing was wrong, they just had not heard from us for a while. I recognise these calls from Customer Service, where many of them land first, and we cannot see the claim's status either.",
    reasons: ["No news on my claim", "Staff could not answer"],
    ideas: [
      {
        text: "Text the customer automatically whenever their claim moves on a step, and say what comes next",
        touchpoint: "Claim status updates",
        status: "in_progress",
        owner: "nora.haugen@demo.test",
        dueInDays: 18,
      },
      { text: "Let Customer Service see the current step of a claim in their own case view", touchpoint: null },
    ],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-proactive-update", "b-share-learning"],
  },
  {
    // Where the callback fix came from: done since, and "No callback" fades afterwards.
    observer: "rasmus.friis@demo.test",
    department: "customer-service",
    weeksAgo: 11,
    wentWell:
      "Customers got a plain answer to most questions within the first minutes of the call. The case notes are thorough, so nobody needed to repeat themselves when they called again.",
    painPoints:
      "A lot of calls were customers chasing a callback they had been promised. The promise is written as free text in the case, so there is no list of who should be called today, or by when.",
    reasons: ["No callback"],
    ideas: [
      {
        text: "Make 'promised callback' a field of its own with a time, and list today's callbacks at the top of the queue view",
        touchpoint: "Callback promise",
        status: "done",
        owner: "elin.holm@demo.test",
        doneWeeksAgo: 7,
      },
      { text: "Let customers pick a callback time when the queue is long", touchpoint: "Phone queue" },
    ],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-call-back"],
  },
  {
    observer: "camilla.brandt@demo.test",
    department: "e-commerce",
    weeksAgo: 7,
    wentWell:
      "Customers who got stuck in the checkout were guided through it in the same chat, and most of them finished the purchase. A broken link on a product page was fixed while I was sitting there.",
    painPoints:
      "Since the new payment step, a general error message leaves customers unsure whether they have paid. Several asked for a number to call rather than carry on in the chat.",
    reasons: ["Payment failed at checkout"],
    ideas: [
      {
        text: "Add video chat to the checkout so we can guide customers screen by screen",
        touchpoint: "Checkout",
        status: "dropped",
        droppedReason:
          "Too big a step for now: clearer error messages at checkout come first. We will look at video again once the chat is staffed in the evenings.",
      },
      { text: "Show a phone number on the checkout error page during opening hours", touchpoint: "Checkout" },
    ],
    kano: "performance",
    job: "emotional",
    behaviours: ["b-chat-first-reply"],
  },
  {
    observer: "viktor.holmberg@demo.test",
    department: "credit",
    weeksAgo: 4,
    wentWell:
      "The monthly cost was walked through with a worked example, and the customer could repeat it back in their own words. Missing documents were listed before the meeting ended.",
    painPoints:
      "The customer had already uploaded payslips in the app and was asked for them again: uploads do not reach the application on their own.",
    reasons: ["Asked for documents twice"],
    ideas: [
      {
        text: "Link documents uploaded in the app to the open application automatically",
        touchpoint: "Document upload",
        status: "in_progress",
        owner: "ole.nilsen@demo.test",
        dueInDays: 25,
      },
    ],
    kano: "must_be",
    job: "emotional",
    behaviours: ["b-plain-language"],
  },
];

export interface SeedUpcoming {
  department: HostSlug;
  /** Days from today (moved to the next weekday when it falls on a weekend). */
  inDays: number;
  /** Local hour (Europe/Stockholm). */
  hour: number;
  minutes: 60 | 90;
  channel: SlotChannel;
  capacity: number;
  details: string;
  /** E-mails of the people already booked (never members of the department). */
  observers: string[];
}

/** The next three weeks: some seats taken, two sessions full, and free seats in Customer Service and Claims. */
export const UPCOMING: SeedUpcoming[] = [
  {
    department: "customer-service",
    inDays: 2,
    hour: 9,
    minutes: 90,
    channel: "phone",
    capacity: 3,
    details: "Meet at the team area on floor 2; a spare headset is on the shelf by the window.",
    observers: ["peter.madsen@demo.test"],
  },
  {
    department: "claims",
    inDays: 6,
    hour: 13,
    minutes: 90,
    channel: "phone",
    capacity: 3,
    details: "We meet in the small meeting room on floor 3 and listen to the calls on the speaker.",
    observers: ["viktor.holmberg@demo.test"],
  },
  {
    department: "credit",
    inDays: 8,
    hour: 10,
    minutes: 60,
    channel: "in_person",
    capacity: 2,
    details: "Advice meetings are in the Fjord room on floor 1; you sit in as a quiet listener.",
    observers: ["employee@demo.test", "rasmus.friis@demo.test"],
  },
  {
    department: "e-commerce",
    inDays: 12,
    hour: 13,
    minutes: 60,
    channel: "chat",
    capacity: 1,
    details: "",
    observers: ["tobias.nyberg@demo.test"],
  },
  {
    department: "customer-service",
    inDays: 15,
    hour: 13,
    minutes: 60,
    channel: "chat",
    capacity: 2,
    details: "For chat sessions you sit next to one of us and read along on the second screen.",
    observers: [],
  },
  {
    department: "claims",
    inDays: 19,
    hour: 9,
    minutes: 60,
    channel: "email",
    capacity: 2,
    details: "",
    observers: [],
  },
];

export interface SeedSuggestion {
  department: DepartmentSlug;
  author: string;
  text: string;
  touchpoint: string | null;
  weeksAgo: number;
  chosen?: { owner: string; dueInDays: number };
}

/** Ideas people sent a department directly, outside any session. */
export const SUGGESTIONS: SeedSuggestion[] = [
  {
    department: "it",
    author: "ahmed.hassan@demo.test",
    text: "Post a short note on the service status page when the app is slow, so we can point customers to it",
    touchpoint: "Service status page",
    weeksAgo: 3,
  },
  {
    department: "marketing",
    author: "mikkel.dahl@demo.test",
    text: "Tell Claims and Customer Service a week before a campaign goes out, with the three questions customers are most likely to ask",
    touchpoint: "Campaign pages",
    weeksAgo: 6,
    chosen: { owner: "viktor.holmberg@demo.test", dueInDays: 20 },
  },
  {
    department: "e-commerce",
    author: "johanna.lind@demo.test",
    text: "Let customers download their insurance certificate from My pages; Credit passes on several such requests every week",
    touchpoint: null,
    weeksAgo: 2,
  },
  {
    department: "claims",
    author: "sara.ali@demo.test",
    text: "Make the claims form keep the answers when the customer goes back a step",
    touchpoint: "Claims form",
    weeksAgo: 1.3,
  },
];
