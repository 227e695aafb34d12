/**
 * Recognition in the demo company: thanks for customer-focused work, read by ./recognition.ts.
 * People are the e-mails of ./demo.ts, behaviours the keys of the current promise
 * (./promise-content.ts: one that came with version 2 only after it was published). A recognition
 * comes from a story (thanking the colleagues named in it, or its author), a shadowing note (its
 * author thanks the session's host, `{host}`), a done improvement (its owner, `{owner}`, and
 * department are thanked) or from nothing in particular (`daysAgo`). Sources are placed `after` days
 * after they happened.
 */

export type RecognitionLanguage = "en" | "sv" | "da" | "nb";
type Slug = "customer-service" | "claims" | "e-commerce" | "it" | "credit" | "marketing";

interface Base {
  language: RecognitionLanguage;
  behaviour: string;
  message: string;
  people?: string[];
  departments?: Slug[];
  /** The admin hid it, with this reason. */
  hidden?: string;
}

export type SeedRecognition = Base &
  (
    | { author: string; daysAgo: number }
    | { author: string; story: string; after: number }
    /** The session's note closest to `weeksAgo`; by `author`, or else by anyone writing in `language`. */
    | { author?: string; note: { department: Slug; weeksAgo: number }; after: number }
    /** The first of these descriptions that is done. */
    | { author: string; improvement: string[]; after: number }
  );

const STORIES: SeedRecognition[] = [
  {
    author: "karin.strom@demo.test",
    story: "Rewriting the e-ID login error after Claims asked why people kept calling",
    after: 2,
    people: ["admin@demo.test"],
    departments: ["it"],
    behaviour: "b-plain-language",
    language: "en",
    message:
      "Thank you, Astrid and everyone in IT, for the new error message at the e-ID login. It now tells customers what to do next, in plain words, and we in Claims get far fewer calls about it. **Plain language is service too.**",
  },
  {
    author: "linnea.ek@demo.test",
    story: "Reseförsäkringssidan som svarar innan kunden hinner ringa",
    after: 1,
    behaviour: "b-web-answers",
    language: "sv",
    message:
      "Elin, tack för att du loggade frågorna om reseförsäkringen vecka efter vecka och läste vår text med kundens ögon. De två meningarna du strök gjorde sidan bättre. Färre samtal och tryggare resenärer – det är din förtjänst också.",
  },
  {
    author: "employee@demo.test",
    story: "No repeating the story: a warm transfer the morning after the storm",
    after: 1,
    behaviour: "b-own-the-case",
    language: "en",
    message:
      "Mikkel, thank you for picking up straight away the morning after the storm. Hanne didn't have to repeat a word, and both things you promised her happened on time. That's what a warm transfer should feel like, for the customer *and* for me.",
  },
  {
    author: "leader@demo.test",
    story: "The storm weekend: a text message before anyone had to ask",
    after: 2,
    departments: ["claims"],
    behaviour: "b-name-next-step",
    language: "en",
    message:
      "To Karin and everyone in Claims: the texts you sent on the storm weekend told 900 customers what to do now and when they would hear from us, before they had to ask. Monday's queue showed it. Thank you for turning a hard weekend into one our customers remember for the right reasons.",
  },
  {
    author: "sara.ali@demo.test",
    story: "The failed card payments nobody called about",
    after: 1,
    behaviour: "b-share-learning",
    language: "en",
    message:
      'Thank you, Ahmed, for remembering those two chats about cards "rejected for no reason", and Rasmus for finding the time-out the same day. Between you, customers who had been quietly giving up can now finish their purchase. Teamwork across departments at its best.',
  },
  {
    author: "rasmus.friis@demo.test",
    story: "En dag med headset på – hvad jeg lærte af at lytte med i Kundeservice",
    after: 1,
    behaviour: "b-share-learning",
    language: "da",
    message:
      "Tak, Sofie, fordi jeg måtte sidde ved siden af dig en hel dag. Din tålmodighed med hver eneste kunde, der spurgte til »Under behandling«, gav os præcis det, vi skulle bruge for at rette teksten i appen. Jeg kommer gerne igen!",
  },
  {
    author: "viktor.holmberg@demo.test",
    story: "När kunderna missförstod vår kampanj – och Skador sa till",
    after: 1,
    departments: ["claims"],
    behaviour: "b-share-learning",
    language: "sv",
    message:
      "Tack Karin och alla på Skador för att ni sa till om kampanjen och tog er tid att komma till vårt planeringsmöte. Tack vare er får kunderna nu ett budskap som håller även den dag de behöver göra en skadeanmälan.",
  },
  {
    author: "manager@demo.test",
    story: "How we handled Tuesday's outage, and what made the difference",
    after: 1,
    behaviour: "b-plain-language",
    language: "en",
    message:
      "From all of us in Customer Service: thank you, Tobias and Ingrid. The short text to read out on the phone and the updates every 20 minutes meant we could give customers an honest answer instead of guessing. Calls were shorter and calmer than during any outage I remember.",
  },
  {
    author: "jonas.berg@demo.test",
    story: "Strandet på flyplassen i Málaga uten forsikringsbevis",
    after: 1,
    behaviour: "b-three-metres",
    language: "nb",
    message:
      "Takk, Erik! Mens jeg snakket med Anders på flyplassen i Málaga, fant du forsikringsbeviset på engelsk før jeg rakk å spørre. Derfor kunne han vise det i resepsjonen samme kveld. God kollega og god service på én gang.",
  },
  {
    author: "manager@demo.test",
    story: "What a 2 out of 10 taught us about transfers",
    after: 1,
    behaviour: "b-low-score-call",
    language: "en",
    message:
      "Erik, thank you for calling back the customer who gave us 2 out of 10, and for **listening first**. You sorted out her change in one call and brought back a lesson that has changed how the whole team handles transfers. One voice for the customer: that was you.",
  },
  {
    author: "mikkel.dahl@demo.test",
    story: "En score på 3 – og en misforståelse, som Marketing hjalp os med at rette",
    after: 2,
    departments: ["marketing"],
    behaviour: "b-share-learning",
    language: "en",
    message:
      "Thank you, Camilla and everyone in Marketing, for taking the customer's complaint seriously and changing the campaign so quickly. I could call him back and tell him his complaint had actually changed something. You don't often get to make that call.",
  },
  {
    author: "employee@demo.test",
    story: "Guiding a pensioner through the web shop, one button at a time",
    after: 3,
    behaviour: "b-web-answers",
    language: "en",
    message:
      "Ida, thank you for trying out new wording for *deductible* and that checkbox the same week I passed them on. The next customer who buys travel insurance on his own will never know how much care went into two small changes. That's the nicest kind of service.",
  },
  {
    author: "anne.vestergaard@demo.test",
    story: "A first flat, a nervous couple and a call-back with no news",
    after: 1,
    behaviour: "b-call-back",
    language: "da",
    message:
      "Peter, tak fordi du ringede onsdag, præcis som du havde lovet, selvom der ikke var noget nyt. Det var det opkald, der fik Signe og hendes kæreste til at sove roligt. Små løfter, holdt til tiden – det er vores serviceløfte i ét opkald.",
  },
  {
    author: "tobias.nyberg@demo.test",
    story: "En IT-chef i chatten – vad jag lärde mig på en timme",
    after: 1,
    behaviour: "b-chat-first-reply",
    language: "sv",
    message:
      "Tack Erik för att jag fick sitta bredvid dig i chatten efter störningen i kortbetalningarna. *”Jag tittar på det nu”* – direkt, innan man vet svaret. Det tar jag med mig tillbaka till IT, och till statussidan nästa gång.",
  },
  {
    author: "leila.karimi@demo.test",
    story: "Answering an angry post on our social media page on a Sunday evening",
    after: 1,
    behaviour: "b-proactive-update",
    language: "en",
    message:
      'Oskar, thank you for calling the customer with the boat engine before lunch on Monday, with the whole story already in hand. By the afternoon he had written "Sorted" under the post himself, for hundreds of people to read. Claims at its best.',
  },
  {
    author: "camilla.brandt@demo.test",
    story: "Et svar på nyhedsbrevet, der ikke endte i et sort hul",
    after: 1,
    behaviour: "b-email-one-day",
    language: "da",
    message:
      "Tak, Sofie, for det hurtige og præcise svar om Pouls cykel. Takket være dig kunne jeg svare ham samme dag – med svaret i første linje. Digtet hænger på opslagstavlen hos os, men æren er også din.",
  },
];

const NOTES: SeedRecognition[] = [
  {
    author: "employee@demo.test",
    note: { department: "claims", weeksAgo: 5 },
    after: 1,
    behaviour: "b-own-the-case",
    language: "en",
    message:
      "Thank you, {host}, for letting me listen in on your calls and for explaining every step between them. I learned how much of our customers' worry is simply not knowing where their claim stands, and I'm taking that back to Customer Service.",
  },
  {
    author: "rasmus.friis@demo.test",
    note: { department: "customer-service", weeksAgo: 11 },
    after: 1,
    behaviour: "b-call-back",
    language: "en",
    message:
      "Thanks, {host}, for a morning on the phones. Hearing customers chase the callbacks they had been promised made the problem real for me in a way no ticket ever has. Let's fix it together.",
  },
  {
    author: "camilla.brandt@demo.test",
    note: { department: "e-commerce", weeksAgo: 7 },
    after: 2,
    behaviour: "b-web-answers",
    language: "en",
    message:
      "Thank you, {host}, for an hour in the chat. You guided customers through the checkout calmly and kindly, and fixed a broken link while I was sitting there. I took a lot back to Marketing.",
  },
  {
    author: "viktor.holmberg@demo.test",
    note: { department: "credit", weeksAgo: 4 },
    after: 1,
    behaviour: "b-plain-language",
    language: "sv",
    message:
      "Tack {host} för att jag fick sitta med på rådgivningsmötet. Sättet du gick igenom månadskostnaden med ett räkneexempel, tills kunden kunde säga det med egna ord, var en lektion i klarspråk.",
  },
  {
    note: { department: "claims", weeksAgo: 13 },
    after: 1,
    behaviour: "b-own-the-case",
    language: "en",
    message:
      "Thank you, {host}, for an afternoon on the Claims phones. You made every caller feel theirs was the only case that day, and still kept notes so good that nobody will have to ask twice.",
  },
  {
    note: { department: "customer-service", weeksAgo: 8 },
    after: 1,
    behaviour: "b-name-next-step",
    language: "nb",
    message:
      "Takk, {host}, for at jeg fikk lytte med på telefonen. Du avsluttet hver samtale med kundens navn og hva som skjer videre – det har jeg allerede begynt å gjøre i mine egne e-poster.",
  },
  {
    note: { department: "credit", weeksAgo: 15 },
    after: 2,
    behaviour: "b-plain-language",
    language: "en",
    message:
      "Thank you, {host}, for letting me sit in on your advice meetings. Watching you explain a payment plan without a single word of jargon has changed how I write to customers.",
  },
  {
    note: { department: "e-commerce", weeksAgo: 3 },
    after: 1,
    behaviour: "b-web-answers",
    language: "en",
    message:
      "Thanks, {host}! I hadn't realised how many chats start with a question the website could answer. Watching you turn three of them into a note for the FAQ board in one hour was inspiring.",
  },
];

const IMPROVEMENTS: SeedRecognition[] = [
  {
    author: "manager@demo.test",
    improvement: [
      "Make 'promised callback' a field of its own with a time, and list today's callbacks at the top of the queue view",
    ],
    after: 1,
    people: ["rasmus.friis@demo.test"],
    behaviour: "b-call-back",
    language: "en",
    message:
      'Thank you, {owner}, and the whole of Customer Service: a promised callback now has a time and sits at the top of the queue, and "No callback" has almost disappeared from the shadowing notes. And thanks to Rasmus, whose shadowing note started it all.',
  },
  {
    author: "anne.vestergaard@demo.test",
    improvement: ["Add 'change payment date' to the chat's opening menu"],
    after: 2,
    behaviour: "b-web-answers",
    language: "da",
    message:
      "Tak, {owner} og Kundeservice, for »skift betalingsdato« i chattens startmenu. Kunderne klarer det nu selv på et øjeblik, og vi i Kredit kan mærke det i indbakken. Dejligt, når en god idé bliver til virkelighed så hurtigt.",
  },
  {
    author: "leader@demo.test",
    improvement: [
      "Send an automatic reply to every e-mail that says when we will answer, with links to the three most asked questions",
    ],
    after: 1,
    behaviour: "b-email-one-day",
    language: "en",
    message:
      "Thank you, {owner}, and everyone in Customer Service who tried out the automatic reply. Customers now know when they will hear from us, and many find their answer in the links before we have even replied. Fewer people write twice: a promise kept before we've said a word.",
  },
];

const OTHERS: SeedRecognition[] = [
  {
    author: "leader@demo.test",
    daysAgo: 175,
    departments: ["customer-service"],
    behaviour: "b-three-metres",
    language: "en",
    message:
      "To everyone in Customer Service: thank you for a record week on the phones. Twice the usual number of calls, and still the survey comments talk about *kindness*. You are the first voice most of our customers hear, and you made it count.",
  },
  {
    author: "karin.strom@demo.test",
    daysAgo: 164,
    people: ["nora.haugen@demo.test"],
    behaviour: "b-call-back",
    language: "en",
    message:
      "Thank you, Nora, for calling the customer with the water damage at five on a Friday, just as you had promised, even though there was nothing new to tell him. He wrote afterwards that this was the call that made him trust us.",
  },
  {
    author: "ole.nilsen@demo.test",
    daysAgo: 157,
    people: ["johanna.lind@demo.test", "peter.madsen@demo.test"],
    behaviour: "b-plain-language",
    language: "nb",
    message:
      "Takk, Johanna og Peter, for at dere skrev om brevet om betalingsplan. Nå står beløpet, datoen og hva kunden kan gjøre, helt øverst – på vanlig språk. Færre kunder ringer for å spørre hva brevet betyr.",
  },
  {
    author: "mads.poulsen@demo.test",
    daysAgo: 149,
    people: ["emma.sjoberg@demo.test"],
    behaviour: "b-web-answers",
    language: "en",
    message:
      "Thank you, Emma: the search on our website now understands the words customers actually use, so *selvrisiko* also finds *egenandel* and *självrisk*. Three languages, one answer.",
  },
  {
    author: "henrik.solberg@demo.test",
    daysAgo: 139,
    people: ["linnea.ek@demo.test", "mads.poulsen@demo.test"],
    behaviour: "b-web-answers",
    language: "en",
    message:
      "Thank you, Linnéa and Mads, for the new page on what happens after you report a claim. The question came up three times in one week, and the week after, the answer was online. Exactly as we promised.",
  },
  {
    author: "emma.sjoberg@demo.test",
    daysAgo: 134,
    departments: ["customer-service"],
    behaviour: "b-share-learning",
    language: "en",
    message:
      "Thank you, Customer Service, for the list of the ten questions you hear most about the app. We hadn't seen the pattern ourselves, and two of the questions disappeared with the last update. Keep telling us!",
  },
  {
    author: "manager@demo.test",
    daysAgo: 127,
    people: ["sofie.nielsen@demo.test", "jonas.berg@demo.test"],
    behaviour: "b-email-one-day",
    language: "en",
    message:
      "Sofie and Jonas: thank you for clearing the e-mail backlog after the long weekend. Every customer had an answer within a working day, and not one of them read like a template. Several wrote back just to say thanks.",
  },
  {
    author: "bjorn.ostby@demo.test",
    daysAgo: 111,
    people: ["anne.vestergaard@demo.test"],
    departments: ["credit"],
    behaviour: "b-low-score-call",
    language: "nb",
    message:
      "Takk, Anne og hele Kreditt, for at dere har ringt hver eneste kunde som ga oss lav score denne måneden. Det dere lærte, er allerede med i det nye søknadsskjemaet. Slik blir vi et selskap folk vil anbefale.",
  },
  {
    author: "johanna.lind@demo.test",
    daysAgo: 92,
    people: ["elin.holm@demo.test"],
    behaviour: "b-own-the-case",
    language: "en",
    message:
      "Thank you, Elin, for keeping the call going while you checked with us, when the customer needed both Customer Service and Credit. She got every answer in one call and never had to start from the beginning.",
  },
  {
    author: "siri.aasen@demo.test",
    daysAgo: 76,
    people: ["leila.karimi@demo.test"],
    behaviour: "b-share-learning",
    language: "en",
    message:
      "Thank you, Leila, for bringing the questions from the chat to our marketing meeting. Three of them are now answered in the newsletter, so customers get the answer before they need to ask.",
  },
  {
    // Hidden by the admin (a customer's details), then posted again.
    author: "ahmed.hassan@demo.test",
    daysAgo: 66,
    people: ["peter.madsen@demo.test"],
    behaviour: "b-call-back",
    language: "en",
    message:
      "Huge thanks to Peter for sorting out the payment plan for **Mrs Lindgren** (loan 5521-0098) the day before her operation. She called us afterwards just to say how relieved she was!",
    hidden:
      "Hidden because it names a customer and her loan number. The thanks to Peter stands: please post it again without the customer's details.",
  },
  {
    author: "ahmed.hassan@demo.test",
    daysAgo: 65,
    people: ["peter.madsen@demo.test"],
    behaviour: "b-call-back",
    language: "en",
    message:
      "Huge thanks to Peter for sorting out a customer's payment plan the day before her operation, and for calling her back exactly when he said he would. She called us afterwards just to say how relieved she was!",
  },
  {
    author: "tobias.nyberg@demo.test",
    daysAgo: 58,
    people: ["emma.sjoberg@demo.test", "rasmus.friis@demo.test"],
    behaviour: "b-plain-language",
    language: "sv",
    message:
      "Tack Emma och Rasmus för den nya statussidan. Den säger vad som inte fungerar, vad kunden kan göra under tiden och när nästa uppdatering kommer – på ett språk som alla förstår.",
  },
  {
    author: "karin.strom@demo.test",
    daysAgo: 50,
    departments: ["customer-service"],
    behaviour: "b-share-learning",
    language: "en",
    message:
      "To everyone in Customer Service, from all of us in Claims: thank you for passing on what customers ask about their claims, week after week. It's the reason automatic status texts are now on their way. You hear our customers first, and you never let it stop there.",
  },
  {
    author: "leader@demo.test",
    daysAgo: 13,
    departments: ["it", "e-commerce"],
    behaviour: "b-proactive-update",
    language: "en",
    message:
      "IT and E-commerce: thank you for the evening you spent getting card payments working again after the disruption, and for keeping the status page up to date while you did. In the chat we could tell customers exactly where things stood, before they had to ask.",
  },
  {
    author: "ida.lund@demo.test",
    daysAgo: 8,
    people: ["jonas.berg@demo.test", "elin.holm@demo.test"],
    behaviour: "b-chat-first-reply",
    language: "en",
    message:
      "Thank you, Jonas and Elin, for covering the chat on Friday afternoon so I could help E-commerce with the new payment page. Not one customer waited more than two minutes for a first reply.",
  },
  {
    author: "sofie.nielsen@demo.test",
    daysAgo: 5,
    people: ["ahmed.hassan@demo.test"],
    behaviour: "b-name-next-step",
    language: "da",
    message:
      "Tak, Ahmed, fordi du tog dig tid til den lange samtale med kunden, der lige havde mistet sin mand. Du brugte hendes navn og fortalte præcis, hvad der nu skulle ske med forsikringerne. Hun ringede tilbage bare for at sige tak.",
  },
  {
    author: "manager@demo.test",
    daysAgo: 2,
    departments: ["customer-service"],
    behaviour: "b-chat-first-reply",
    language: "en",
    message:
      "A big thank you to the whole team: when the chat queue passed 30 before nine, every customer still had a first reply within two minutes. Cinnamon buns are on me!",
  },
  {
    author: "admin@demo.test",
    daysAgo: 1,
    departments: ["claims"],
    behaviour: "b-proactive-update",
    language: "en",
    message:
      "Thanks to Claims for telling IT right away when photo uploads slowed down this morning. We fixed it before most customers noticed, and you had already texted the customers who were waiting.",
  },
];

export const RECOGNITIONS: SeedRecognition[] = [...STORIES, ...NOTES, ...IMPROVEMENTS, ...OTHERS];
