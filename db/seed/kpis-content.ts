/**
 * Demo content for the CX KPIs of the seeded demo company: which KPIs each
 * department follows, the channels its customers answer surveys from, and a
 * pool of short survey comments (English, Swedish, Danish, Norwegian Bokmål).
 * The numbers themselves are generated in ./kpis.ts.
 */
import type { Channel } from "#db/schema.ts";

export type DemoDepartment = "customer-service" | "claims" | "e-commerce" | "it" | "credit" | "marketing";

/** How a number KPI's values are generated (see `numberValue` in ./kpis.ts). */
export type SeriesModel =
  | "wait-time"
  | "sla-phone"
  | "sla-email"
  | "sla-claims"
  | "sla-tickets"
  | "sla-social"
  | "aht"
  | "fcr"
  | "abandoned-baskets"
  | "downtime-shop"
  | "downtime-systems"
  | "case-claims"
  | "case-credit";

export interface SeedKpi {
  /** Unique in the department: a URL slug. */
  key: string;
  /** A key of KPI_TEMPLATES: kind, unit, direction, aggregation, period, target and warning come from it. */
  template: string;
  name: string;
  description: string;
  channel?: Channel;
  slaSeconds?: number;
  /** Number KPIs only: the generator of the readings. */
  model?: SeriesModel;
}

export interface SeedSurvey {
  /** Start and end of the trend over the 18 months (NPS points, CSAT %, CES mean). */
  from: number;
  to: number;
  /** How much the busy seasons pull the score down (same unit). */
  season: number;
  /** Responses in an ordinary month. */
  monthly: number;
}

export interface SeedDepartmentKpis {
  kpis: SeedKpi[];
  /** Where this department's customers answer surveys from, with weights. */
  channels: [Channel, number][];
  /** Survey answers also arrive at weekends and in the evening (web, self-service). */
  alwaysOpen: boolean;
  surveys: Partial<Record<"nps" | "csat" | "ces", SeedSurvey>>;
}

export const DEMO_KPIS: Record<DemoDepartment, SeedDepartmentKpis> = {
  "customer-service": {
    kpis: [
      {
        key: "nps",
        template: "nps",
        name: "Net Promoter Score",
        description: "Asked after a contact with us: how likely is it that you would recommend us to a friend?",
      },
      {
        key: "csat",
        template: "csat",
        name: "Customer satisfaction",
        description: "Share of customers who rate the help they got 4 or 5 out of 5.",
      },
      {
        key: "aht",
        template: "aht",
        name: "Average handling time",
        description: "Talk, hold and wrap-up time per handled phone and chat contact, from the contact centre system.",
        model: "aht",
      },
      {
        key: "wait-time",
        template: "wait-time",
        name: "Average wait time in the phone queue",
        description: "Seconds from joining the queue to being answered, averaged over answered calls.",
        channel: "phone",
        model: "wait-time",
      },
      {
        key: "response-sla-phone",
        template: "response-sla",
        name: "Calls answered within 60 seconds",
        description: "Share of incoming calls answered within a minute.",
        channel: "phone",
        slaSeconds: 60,
        model: "sla-phone",
      },
      {
        key: "response-sla-email",
        template: "response-sla",
        name: "E-mails answered within 24 hours",
        description: "Share of customer e-mails that get a real answer (not an auto-reply) within a day.",
        channel: "email",
        slaSeconds: 86_400,
        model: "sla-email",
      },
    ],
    channels: [
      ["phone", 45],
      ["chat", 20],
      ["email", 20],
      ["messaging", 15],
    ],
    alwaysOpen: false,
    surveys: {
      nps: { from: 16, to: 34, season: 12, monthly: 200 },
      csat: { from: 79, to: 88, season: 6, monthly: 180 },
    },
  },
  claims: {
    kpis: [
      {
        key: "csat",
        template: "csat",
        name: "Claims satisfaction",
        description: "Share of customers rating the handling of their closed claim 4 or 5 out of 5.",
      },
      {
        key: "nps",
        template: "nps",
        name: "Net Promoter Score after a claim",
        description: "Sent when a claim is closed: would you recommend us after this experience?",
      },
      {
        key: "case-effectiveness",
        template: "case-effectiveness",
        name: "Case effectiveness",
        description: "Share of closed claims that ended with a positive outcome for the customer, without a complaint.",
        model: "case-claims",
      },
      {
        key: "response-sla-email",
        template: "response-sla",
        name: "Claim e-mails answered within 48 hours",
        description: "Share of e-mails about an open claim answered within two days.",
        channel: "email",
        slaSeconds: 172_800,
        model: "sla-claims",
      },
    ],
    channels: [
      ["phone", 45],
      ["email", 35],
      ["self_service", 20],
    ],
    alwaysOpen: false,
    surveys: {
      csat: { from: 75, to: 84, season: 5, monthly: 140 },
      nps: { from: 4, to: 21, season: 8, monthly: 140 },
    },
  },
  "e-commerce": {
    kpis: [
      {
        key: "ces",
        template: "ces",
        name: "Customer effort in the web shop",
        description: "After checkout or a self-service task: how much do you agree that it was easy? (1–7)",
      },
      {
        key: "csat",
        template: "csat",
        name: "Web shop satisfaction",
        description: "Share of web shop customers rating their visit 4 or 5 out of 5.",
      },
      {
        key: "abandoned-baskets",
        template: "abandoned-baskets",
        name: "Abandoned baskets",
        description: "Share of started baskets that never reach a completed order.",
        model: "abandoned-baskets",
      },
      {
        key: "server-downtime",
        template: "server-downtime",
        name: "Web shop downtime",
        description: "Minutes the shop or checkout was unavailable to customers, planned maintenance included.",
        model: "downtime-shop",
      },
    ],
    channels: [
      ["self_service", 60],
      ["chat", 25],
      ["email", 15],
    ],
    alwaysOpen: true,
    surveys: {
      ces: { from: 5.05, to: 5.6, season: 0.25, monthly: 190 },
      csat: { from: 81, to: 88, season: 5, monthly: 150 },
    },
  },
  it: {
    kpis: [
      {
        key: "csat",
        template: "csat",
        name: "Service desk satisfaction",
        description: "Colleagues rating a closed service desk ticket 4 or 5 out of 5.",
      },
      {
        key: "server-downtime",
        template: "server-downtime",
        name: "Downtime of customer-facing systems",
        description: "Unplanned minutes that the web shop, My Pages, the app or the phone platform were down.",
        model: "downtime-systems",
      },
      {
        key: "fcr",
        template: "fcr",
        name: "First-contact resolution at the service desk",
        description: "Share of service desk tickets solved in the first contact, without hand-over.",
        model: "fcr",
      },
      {
        key: "response-sla-tickets",
        template: "response-sla",
        name: "Tickets answered within 4 hours",
        description: "Share of tickets sent by e-mail that get a first answer within four hours.",
        channel: "email",
        slaSeconds: 14_400,
        model: "sla-tickets",
      },
    ],
    channels: [
      ["self_service", 40],
      ["chat", 30],
      ["phone", 20],
      ["email", 10],
    ],
    alwaysOpen: false,
    surveys: {
      csat: { from: 77, to: 87, season: 4, monthly: 110 },
    },
  },
  credit: {
    kpis: [
      {
        key: "nps",
        template: "nps",
        name: "Net Promoter Score after a credit decision",
        description: "Asked after an application is decided, whatever the answer was.",
      },
      {
        key: "ces",
        template: "ces",
        name: "Effort to apply",
        description: "How much customers agree that applying for credit or a payment plan was easy (1–7).",
      },
      {
        key: "case-effectiveness",
        template: "case-effectiveness",
        name: "Payment plans that work out",
        description: "Share of closed payment-plan cases where the customer kept the agreement to the end.",
        model: "case-credit",
      },
    ],
    channels: [
      ["phone", 40],
      ["self_service", 25],
      ["email", 25],
      ["sms", 10],
    ],
    alwaysOpen: false,
    surveys: {
      nps: { from: 10, to: 26, season: 7, monthly: 150 },
      ces: { from: 4.85, to: 5.4, season: 0.2, monthly: 110 },
    },
  },
  marketing: {
    kpis: [
      {
        key: "nps",
        template: "nps",
        name: "Relationship NPS",
        description: "The relationship question, asked in the newsletter, on social media and after campaigns.",
      },
      {
        key: "csat",
        template: "csat",
        name: "Satisfaction with answers on social media",
        description: "Share of customers rating the reply they got in social media or messaging 4 or 5 out of 5.",
      },
      {
        key: "response-sla-social",
        template: "response-sla",
        name: "Social media replies within 1 hour",
        description: "Share of questions and complaints on our social media pages answered within an hour.",
        channel: "social",
        slaSeconds: 3_600,
        model: "sla-social",
      },
    ],
    channels: [
      ["social", 40],
      ["email", 35],
      ["messaging", 25],
    ],
    alwaysOpen: true,
    surveys: {
      nps: { from: 22, to: 38, season: 6, monthly: 130 },
      csat: { from: 83, to: 89, season: 4, monthly: 100 },
    },
  },
};

export type Sentiment = "positive" | "neutral" | "negative";

export interface SeedComment {
  sentiment: Sentiment;
  text: string;
  /** Only fits these departments; without it, any department. */
  departments?: DemoDepartment[];
}

const PHONE: DemoDepartment[] = ["customer-service", "claims", "credit", "it"];
const INVOICES: DemoDepartment[] = ["customer-service", "credit", "e-commerce"];

/** Short verbatims, matched to the score's sentiment. Written for the demo. */
export const DEMO_COMMENTS: readonly SeedComment[] = [
  // positive
  { sentiment: "positive", text: "Quick, friendly and sorted in one call. Thank you!" },
  { sentiment: "positive", text: "She called me back exactly when she said she would." },
  { sentiment: "positive", text: "Finally someone who actually listened to the whole story." },
  { sentiment: "positive", text: "Clear answer, no jargon. Exactly what I needed." },
  { sentiment: "positive", text: "Snabb och trevlig hjälp, allt löst på några minuter." },
  { sentiment: "positive", text: "Han tog sig tid och förklarade allt lugnt. Tack!" },
  { sentiment: "positive", text: "Super service – jeg fik svar med det samme." },
  { sentiment: "positive", text: "Venlig og kompetent medarbejder, tak for hjælpen." },
  { sentiment: "positive", text: "Veldig hyggelig og løsningsorientert. Anbefales!" },
  { sentiment: "positive", text: "Fikk hjelp med en gang, og alt var ordnet samme dag." },
  {
    sentiment: "positive",
    text: "The claim was paid faster than I expected, and I was kept informed.",
    departments: ["claims"],
  },
  { sentiment: "positive", text: "Skaden blev behandlet hurtigt og fair. Tak.", departments: ["claims"] },
  { sentiment: "positive", text: "Checkout took less than a minute. Brilliant.", departments: ["e-commerce"] },
  { sentiment: "positive", text: "Enkelt att hitta och beställa, bra sida!", departments: ["e-commerce"] },
  { sentiment: "positive", text: "Password reset in two minutes, great help.", departments: ["it"] },
  {
    sentiment: "positive",
    text: "The payment plan gave me breathing room. Thank you for being so understanding.",
    departments: ["credit"],
  },
  { sentiment: "positive", text: "Søknaden var enkel, og jeg fikk svar samme dag.", departments: ["credit"] },
  { sentiment: "positive", text: "Love how quickly you reply on Facebook!", departments: ["marketing"] },
  // neutral
  { sentiment: "neutral", text: "Got the help I needed, but it took a couple of tries." },
  { sentiment: "neutral", text: "Fine overall. The website could be clearer." },
  { sentiment: "neutral", text: "OK, men det tog lite tid innan jag fick svar." },
  { sentiment: "neutral", text: "Det var fint nok, men jeg måtte forklare det hele to gange." },
  { sentiment: "neutral", text: "Greit nok, men litt lang ventetid.", departments: PHONE },
  { sentiment: "neutral", text: "Good answer in the end, but I was passed around a bit." },
  { sentiment: "neutral", text: "Delivery options at checkout were a bit confusing.", departments: ["e-commerce"] },
  { sentiment: "neutral", text: "Helt okej, men jag förstår fortfarande inte alla avgifter.", departments: ["credit"] },
  // negative
  { sentiment: "negative", text: "Waited over 20 minutes in the queue. Not acceptable.", departments: PHONE },
  {
    sentiment: "negative",
    text: "The invoice is impossible to understand. Why are there two fees?",
    departments: INVOICES,
  },
  { sentiment: "negative", text: "Promised a call back that never came." },
  { sentiment: "negative", text: "I had to repeat my case to three different people." },
  { sentiment: "negative", text: "Alldeles för lång kötid, gav upp efter en halvtimme.", departments: PHONE },
  { sentiment: "negative", text: "Fakturan var otydlig och ingen kunde förklara den.", departments: INVOICES },
  { sentiment: "negative", text: "Ingen svarede på min mail i over en uge." },
  { sentiment: "negative", text: "Lang ventetid og ingen løsning. Skuffende.", departments: PHONE },
  { sentiment: "negative", text: "Fikk tre forskjellige svar fra tre forskjellige personer." },
  {
    sentiment: "negative",
    text: "My claim has been open for six weeks and nobody tells me why.",
    departments: ["claims"],
  },
  { sentiment: "negative", text: "Jeg skulle sende de samme papirer to gange.", departments: ["claims"] },
  { sentiment: "negative", text: "Payment failed three times at checkout.", departments: ["e-commerce"] },
  { sentiment: "negative", text: "Nettbutikken var nede akkurat da jeg skulle handle.", departments: ["e-commerce"] },
  { sentiment: "negative", text: "The ticket was closed before the problem was fixed.", departments: ["it"] },
  {
    sentiment: "negative",
    text: "Too many documents to upload, and the form kept timing out.",
    departments: ["credit"],
  },
  { sentiment: "negative", text: "Svarte aldri på meldingen min på Instagram.", departments: ["marketing"] },
];
