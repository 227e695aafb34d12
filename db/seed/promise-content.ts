/**
 * Demo content for the service promise ("serviceløfte") of the seeded demo company.
 *
 * English is the original. The current version (V2) is translated into Swedish, Danish and Norwegian Bokmål,
 * except for the description and examples of the new chat behaviour ("b-chat-first-reply"), which deliberately
 * have no Norwegian translation so the app has a missing translation to show. The first version (V1) only has
 * Swedish translations.
 *
 * Keys are stable identifiers: the same key means the same pillar or behaviour in both versions.
 *
 * V1 -> V2:
 * - intro: second paragraph reworded and a "when in doubt" line added
 * - p-reachable: title "Easy to reach" -> "Easy to reach, quick to answer"
 * - b-plain-language: description reworded
 * - b-three-rings: removed (V1 only)
 * - b-chat-first-reply, b-proactive-update: new (V2 only)
 */

export type SeedLocale = "sv" | "da" | "nb";
export interface SeedText {
  en: string;
  sv?: string;
  da?: string;
  nb?: string;
}
export interface SeedBehaviour {
  key: string;
  title: SeedText;
  description: SeedText;
  examples?: SeedText;
}
export interface SeedPillar {
  key: string;
  title: SeedText;
  body: SeedText;
  behaviours: SeedBehaviour[];
}
export interface SeedPromise {
  title: SeedText;
  intro: SeedText;
  pillars: SeedPillar[];
}

type SeedPillarHead = Omit<SeedPillar, "behaviours">;

// ---------------------------------------------------------------------------
// Promise title and intro
// ---------------------------------------------------------------------------

const PROMISE_TITLE: SeedText = {
  en: "Our service promise",
  sv: "Vårt servicelöfte",
  da: "Vores serviceløfte",
  nb: "Vårt serviceløfte",
};

const INTRO_V1: SeedText = {
  en: "Our customers trust us with their homes, their cars and their savings. This promise describes how we want them to experience us — every time, in every channel.\n\nIt applies to all of us, whether you answer phones in Customer Service or write code in IT.",
  sv: "Våra kunder anförtror oss sina hem, sina bilar och sina besparingar. Det här löftet beskriver hur vi vill att de ska uppleva oss – varje gång, i varje kanal.\n\nDet gäller oss alla, oavsett om du svarar i telefon på Kundservice eller skriver kod på IT.",
};

const INTRO_V2: SeedText = {
  en: "Our customers trust us with their homes, their cars and their savings. This promise describes how we want them to experience us — every time, in every channel.\n\nIt applies to all of us, whether you talk to customers every day or hardly ever meet one. **When in doubt, do what you would want done if you were the customer.**",
  sv: "Våra kunder anförtror oss sina hem, sina bilar och sina besparingar. Det här löftet beskriver hur vi vill att de ska uppleva oss – varje gång, i varje kanal.\n\nDet gäller oss alla, oavsett om du pratar med kunder varje dag eller nästan aldrig träffar någon. **Är du osäker, gör det du själv hade önskat som kund.**",
  da: "Vores kunder betror os deres hjem, deres biler og deres opsparing. Løftet her beskriver, hvordan vi vil have, at de oplever os – hver gang og i alle kanaler.\n\nDet gælder os alle, uanset om du taler med kunder hver dag eller næsten aldrig møder nogen. **Er du i tvivl, så gør det, du selv ville ønske som kunde.**",
  nb: "Kundene våre betror oss hjemmet sitt, bilen sin og sparepengene sine. Dette løftet beskriver hvordan vi vil at de skal oppleve oss – hver gang og i alle kanaler.\n\nDet gjelder oss alle, enten du snakker med kunder hver dag eller nesten aldri møter en. **Er du i tvil, gjør det du selv ville ønsket som kunde.**",
};

// ---------------------------------------------------------------------------
// Pillar 1: Personal, present advice
// ---------------------------------------------------------------------------

const P_PERSONAL: SeedPillarHead = {
  key: "p-personal",
  title: {
    en: "Personal, present advice",
    sv: "Personlig och närvarande rådgivning",
    da: "Personlig og nærværende rådgivning",
    nb: "Personlig og nærværende rådgivning",
  },
  body: {
    en: "We give advice to a person, not to a policy number. Listen first, ask one more question than you think you need, and give the advice you would give a friend — even if it means we sell less.",
    sv: "Vi ger råd till en människa, inte till ett försäkringsnummer. Lyssna först, ställ en fråga mer än du tror att du behöver och ge det råd du hade gett en vän – även om det betyder att vi säljer mindre.",
    da: "Vi rådgiver et menneske, ikke et policenummer. Lyt først, stil ét spørgsmål mere, end du tror, du har brug for, og giv det råd, du ville give en ven – også selvom det betyder, at vi sælger mindre.",
    nb: "Vi gir råd til et menneske, ikke til et polisenummer. Lytt først, still ett spørsmål mer enn du tror du trenger, og gi det rådet du ville gitt en venn – også om det betyr at vi selger mindre.",
  },
};

const B_THREE_METRES: SeedBehaviour = {
  key: "b-three-metres",
  title: {
    en: "Within three metres of a customer, you are in charge",
    sv: "Inom tre meter från en kund är det du som bestämmer",
    da: "Inden for tre meter af en kunde er det dig, der bestemmer",
    nb: "Innenfor tre meter fra en kunde er det du som bestemmer",
  },
  description: {
    en: "When a customer is in front of you — at the counter, on the phone or in a chat — you have the mandate to solve their problem. You do not need a manager's permission to do the right thing.\n\nIf the solution costs money, use your judgement and **tell your team lead afterwards**, so we can all learn from it.",
    sv: "När en kund står framför dig – vid disken, i telefon eller i chatten – har du mandat att lösa problemet. Du behöver inte be en chef om lov för att göra det rätta.\n\nOm lösningen kostar pengar använder du ditt omdöme och **berättar för din teamledare efteråt**, så att vi alla kan lära oss av det.",
    da: "Når en kunde står foran dig – ved skranken, i telefonen eller på chatten – har du mandat til at løse problemet. Du behøver ikke spørge en leder om lov til at gøre det rigtige.\n\nHvis løsningen koster penge, bruger du din sunde fornuft og **fortæller det til din teamleder bagefter**, så vi alle kan lære af det.",
    nb: "Når en kunde står foran deg – ved skranken, på telefonen eller i chatten – har du mandat til å løse problemet. Du trenger ikke å spørre en leder om lov for å gjøre det riktige.\n\nHvis løsningen koster penger, bruker du skjønn og **forteller det til teamlederen din etterpå**, slik at vi alle kan lære av det.",
  },
  examples: {
    en: "- A customer with a claim needs a rental car today: you book it while they are still on the line.\n- A fee was charged because our website was down: you refund it without escalating.\n- A customer at the branch has brought the wrong form: you fill in the right one together, there and then.",
    sv: "- En kund med ett skadeärende behöver en hyrbil i dag: du bokar den medan kunden fortfarande är kvar i telefonen.\n- En avgift drogs för att vår webbplats låg nere: du betalar tillbaka den utan att eskalera.\n- En kund på kontoret har tagit med fel blankett: ni fyller i den rätta tillsammans, direkt på plats.",
    da: "- En kunde med en skadesag har brug for en lejebil i dag: Du booker den, mens kunden stadig er i telefonen.\n- Et gebyr blev trukket, fordi vores hjemmeside var nede: Du refunderer det uden at sende sagen videre.\n- En kunde i filialen har taget den forkerte blanket med: I udfylder den rigtige sammen, med det samme.",
    nb: "- En kunde med en skadesak trenger leiebil i dag: Du bestiller den mens kunden fortsatt er på telefonen.\n- Et gebyr ble trukket fordi nettsiden vår var nede: Du refunderer det uten å eskalere.\n- En kunde på kontoret har tatt med feil skjema: Dere fyller ut det riktige sammen, der og da.",
  },
};

const B_NAME_NEXT_STEP: SeedBehaviour = {
  key: "b-name-next-step",
  title: {
    en: "Say the customer's name and what happens next before you end the call",
    sv: "Säg kundens namn och vad som händer härnäst innan du avslutar samtalet",
    da: "Sig kundens navn og hvad der sker nu, før du afslutter samtalen",
    nb: "Si kundens navn og hva som skjer videre, før du avslutter samtalen",
  },
  description: {
    en: "Every call ends with the customer knowing three things: that we know who they are, **what happens next**, and **when** it happens. If nothing more is going to happen, say that too.",
    sv: "Varje samtal avslutas med att kunden vet tre saker: att vi vet vem kunden är, **vad som händer härnäst** och **när** det händer. Om inget mer kommer att hända säger du det också.",
    da: "Hver samtale slutter med, at kunden ved tre ting: at vi ved, hvem de er, **hvad der sker nu**, og **hvornår** det sker. Hvis der ikke skal ske mere, så sig det også.",
    nb: "Hver samtale avsluttes med at kunden vet tre ting: at vi vet hvem de er, **hva som skjer videre**, og **når** det skjer. Hvis ingenting mer skal skje, sier du det også.",
  },
  examples: {
    en: "- “Thanks, Anna. I'm e-mailing you the claim form now, and a claims handler will call you by Thursday.”\n- “Mikkel, your loan application is with Credit. You'll hear from us within two working days.”",
    sv: "- ”Tack, Anna. Jag mejlar skadeanmälan till dig nu, och en handläggare ringer dig senast på torsdag.”\n- ”Mikael, din låneansökan ligger hos Kredit. Du hör av oss inom två arbetsdagar.”",
    da: "- »Tak, Anna. Jeg sender skadeanmeldelsen til dig på mail nu, og en sagsbehandler ringer til dig senest torsdag.«\n- »Mikkel, din låneansøgning ligger hos Kredit. Du hører fra os inden for to arbejdsdage.«",
    nb: "- «Takk, Anna. Jeg sender deg skademeldingen på e-post nå, og en saksbehandler ringer deg innen torsdag.»\n- «Mikkel, lånesøknaden din ligger hos Kreditt. Du hører fra oss innen to virkedager.»",
  },
};

const PLAIN_LANGUAGE_DESCRIPTION_V1: SeedText = {
  en: "Avoid insurance and banking jargon in letters, e-mails and on the website. Use short sentences, and explain terms like *deductible* or *APR* if you have to use them.",
  sv: "Undvik försäkrings- och bankjargong i brev, mejl och på webben. Skriv korta meningar och förklara ord som *självrisk* eller *effektiv ränta* om du måste använda dem.",
};

const B_PLAIN_LANGUAGE: SeedBehaviour = {
  key: "b-plain-language",
  title: {
    en: "Write so a customer understands the first time",
    sv: "Skriv så att kunden förstår första gången",
    da: "Skriv, så kunden forstår det første gang",
    nb: "Skriv så kunden forstår det første gang",
  },
  description: {
    en: "Write as if you were explaining it to a neighbour. **Use everyday words** — say *the amount you pay yourself* before you say *deductible* — and put the most important thing first. If a customer has to call to ask what a letter means, we have not done our job.",
    sv: "Skriv som om du förklarade det för en granne. **Använd vardagliga ord** – säg *det du betalar själv* innan du säger *självrisk* – och börja med det viktigaste. Om kunden måste ringa och fråga vad ett brev betyder har vi inte gjort vårt jobb.",
    da: "Skriv, som om du forklarede det for din nabo. **Brug hverdagsord** – sig *det beløb, du selv betaler*, før du siger *selvrisiko* – og start med det vigtigste. Hvis kunden skal ringe for at spørge, hvad et brev betyder, har vi ikke gjort vores arbejde.",
    nb: "Skriv som om du forklarte det for naboen din. **Bruk hverdagsord** – si *det du betaler selv* før du sier *egenandel* – og begynn med det viktigste. Må kunden ringe for å spørre hva et brev betyr, har vi ikke gjort jobben vår.",
  },
  examples: {
    en: "- A claims decision starts with the answer (“We will pay for your new phone”), not with policy clauses.\n- A chat reply says “you” and “we”, not “the policyholder” and “the company”.\n- E-commerce tries out new web texts on a colleague from outside the team before publishing them.",
    sv: "- Ett skadebesked börjar med svaret (”Vi ersätter din nya telefon”), inte med försäkringsvillkor.\n- Ett chattsvar säger ”du” och ”vi”, inte ”försäkringstagaren” och ”bolaget”.\n- E-handel testar nya webbtexter på en kollega utanför teamet innan de publiceras.",
    da: "- En skadeafgørelse starter med svaret (»Vi betaler for din nye telefon«), ikke med forsikringsbetingelser.\n- Et chatsvar siger »du« og »vi«, ikke »forsikringstageren« og »selskabet«.\n- E-handel tester nye tekster til hjemmesiden på en kollega uden for teamet, før de bliver udgivet.",
    nb: "- Et skadeoppgjør starter med svaret («Vi dekker den nye telefonen din»), ikke med vilkårspunkter.\n- Et chatsvar sier «du» og «vi», ikke «forsikringstaker» og «selskapet».\n- Netthandel tester nye tekster til nettsiden på en kollega utenfor teamet før de publiseres.",
  },
};

// ---------------------------------------------------------------------------
// Pillar 2: Easy to reach, quick to answer
// ---------------------------------------------------------------------------

const P_REACHABLE_TITLE_V1: SeedText = {
  en: "Easy to reach",
  sv: "Lätta att nå",
};

const P_REACHABLE: SeedPillarHead = {
  key: "p-reachable",
  title: {
    en: "Easy to reach, quick to answer",
    sv: "Lätta att nå, snabba på att svara",
    da: "Nemme at få fat i, hurtige til at svare",
    nb: "Lette å få tak i, raske til å svare",
  },
  body: {
    en: "Customers should never have to chase us. Whichever channel they choose — phone, chat, e-mail or the web — they get a quick answer, or an honest estimate of when they will get one.",
    sv: "Kunderna ska aldrig behöva jaga oss. Oavsett vilken kanal de väljer – telefon, chatt, mejl eller webben – får de ett snabbt svar eller ett ärligt besked om när de får det.",
    da: "Kunderne skal aldrig være nødt til at jagte os. Uanset hvilken kanal de vælger – telefon, chat, mail eller hjemmesiden – får de et hurtigt svar eller et ærligt bud på, hvornår de får det.",
    nb: "Kundene skal aldri måtte jage oss. Uansett hvilken kanal de velger – telefon, chat, e-post eller nettsiden – får de et raskt svar, eller et ærlig anslag på når de får det.",
  },
};

/** Only in V1: replaced by the chat behaviour in V2. */
const B_THREE_RINGS: SeedBehaviour = {
  key: "b-three-rings",
  title: {
    en: "Pick up the phone within three rings",
    sv: "Svara i telefon inom tre signaler",
  },
  description: {
    en: "When your phone rings, answer it before the fourth ring. If you cannot, make sure the call is forwarded to a colleague who can.",
    sv: "När din telefon ringer svarar du innan den fjärde signalen. Om du inte kan ser du till att samtalet kopplas vidare till en kollega som kan.",
  },
  examples: {
    en: "- Switch on call forwarding before you go into a meeting.\n- In Customer Service, cover each other's phones over lunch.",
    sv: "- Slå på vidarekoppling innan du går in på ett möte.\n- På Kundservice täcker ni upp för varandras telefoner under lunchen.",
  },
};

const B_EMAIL_ONE_DAY: SeedBehaviour = {
  key: "b-email-one-day",
  title: {
    en: "Answer e-mails within one working day",
    sv: "Svara på mejl inom en arbetsdag",
    da: "Svar på mails inden for én arbejdsdag",
    nb: "Svar på e-post innen én virkedag",
  },
  description: {
    en: "Every customer e-mail gets a real reply within one working day — not just an automatic receipt. If you cannot solve it that fast, reply anyway: say who is handling it and when the customer will hear from us.",
    sv: "Varje mejl från en kund får ett riktigt svar inom en arbetsdag – inte bara ett automatiskt kvitto. Om du inte kan lösa ärendet så snabbt svarar du ändå: berätta vem som tar hand om det och när kunden hör av oss.",
    da: "Alle mails fra kunder får et rigtigt svar inden for én arbejdsdag – ikke bare en automatisk kvittering. Kan du ikke løse sagen så hurtigt, så svar alligevel: Fortæl, hvem der tager sig af den, og hvornår kunden hører fra os.",
    nb: "Alle e-poster fra kunder får et ordentlig svar innen én virkedag – ikke bare en automatisk kvittering. Klarer du ikke å løse saken så raskt, svarer du likevel: Fortell hvem som tar seg av den, og når kunden hører fra oss.",
  },
  examples: {
    en: "- A customer e-mails Credit on Friday afternoon: they have a reply by the end of Monday.\n- Shared inboxes are checked at 9:00 and 14:00, and nobody leaves an e-mail unread because “someone else will take it”.",
    sv: "- En kund mejlar Kredit på fredagseftermiddagen: svaret kommer senast under måndagen.\n- Gemensamma inkorgar gås igenom kl. 9.00 och 14.00, och ingen lämnar ett mejl oläst för att ”någon annan tar det”.",
    da: "- En kunde skriver til Kredit fredag eftermiddag: Svaret kommer i løbet af mandagen.\n- Fælles indbakker bliver tjekket kl. 9.00 og 14.00, og ingen lader en mail ligge ulæst, fordi »en anden nok tager den«.",
    nb: "- En kunde sender e-post til Kreditt fredag ettermiddag: Svaret kommer i løpet av mandagen.\n- Felles innbokser sjekkes kl. 09.00 og 14.00, og ingen lar en e-post ligge ulest fordi «noen andre tar den».",
  },
};

/** New in V2. The Norwegian description and examples are deliberately missing. */
const B_CHAT_FIRST_REPLY: SeedBehaviour = {
  key: "b-chat-first-reply",
  title: {
    en: "Reply to every chat within two minutes",
    sv: "Svara i chatten inom två minuter",
    da: "Svar på chatten inden for to minutter",
    nb: "Svar i chatten innen to minutter",
  },
  description: {
    en: "A customer who opens a chat is usually stuck with the problem right now. Give a personal first reply within two minutes — from a real person, with their name if you have it — even if the full answer takes longer.\n\nIf the queue grows, **tell the customer how many are ahead of them** instead of leaving them in silence.",
    sv: "En kund som öppnar chatten sitter oftast fast i problemet just nu. Ge ett personligt första svar inom två minuter – från en riktig människa, med kundens namn om du har det – även om hela svaret tar längre tid.\n\nOm kön växer **berättar du hur många som står före** i stället för att låta kunden vänta i tystnad.",
    da: "En kunde, der åbner chatten, sidder som regel fast i problemet lige nu. Giv et personligt første svar inden for to minutter – fra et rigtigt menneske og gerne med kundens navn – også selvom det fulde svar tager længere tid.\n\nHvis køen vokser, **fortæller du kunden, hvor mange der er foran**, i stedet for at lade dem vente i stilhed.",
  },
  examples: {
    en: "- “Hi Sofie, I'm Jonas from Customer Service. I'm looking at your payment now — give me two minutes.”\n- On busy Mondays, colleagues from IT and Marketing who have had chat training take the overflow for an hour.",
    sv: "- ”Hej Sofie, jag heter Jonas och jobbar på Kundservice. Jag tittar på din betalning nu – ge mig två minuter.”\n- På stökiga måndagar tar kollegor från IT och Marknad som har gått chattutbildningen hand om överflödet i en timme.",
    da: "- »Hej Sofie, jeg hedder Jonas og er fra Kundeservice. Jeg kigger på din betaling nu – giv mig to minutter.«\n- På travle mandage tager kolleger fra IT og Marketing, der er uddannet i chat, de ekstra henvendelser i en time.",
  },
};

const B_WEB_ANSWERS: SeedBehaviour = {
  key: "b-web-answers",
  title: {
    en: "When a question comes up three times in a week, improve the answer online",
    sv: "När samma fråga kommer tre gånger på en vecka, förbättra svaret på webben",
    da: "Når det samme spørgsmål kommer tre gange på en uge, så forbedr svaret på nettet",
    nb: "Når samme spørsmål dukker opp tre ganger på en uke, forbedrer du svaret på nett",
  },
  description: {
    en: "The quickest answer is the one customers find themselves. Log repeat questions on the shared FAQ board, and E-commerce updates the page within a week — in plain words.",
    sv: "Det snabbaste svaret är det kunden hittar själv. Logga återkommande frågor på den gemensamma FAQ-tavlan, så uppdaterar E-handel sidan inom en vecka – med enkla ord.",
    da: "Det hurtigste svar er det, kunden selv finder. Notér gentagne spørgsmål på den fælles FAQ-tavle, så opdaterer E-handel siden inden for en uge – i et enkelt sprog.",
    nb: "Det raskeste svaret er det kunden finner selv. Loggfør spørsmål som går igjen, på den felles FAQ-tavla, så oppdaterer Netthandel siden innen en uke – med enkle ord.",
  },
  examples: {
    en: "- Customer Service notices lots of calls about travel insurance before the summer holidays and flags it on Monday.\n- IT writes a clearer error message for failed e-ID logins after Claims reports confused customers.",
    sv: "- Kundservice märker att många ringer om reseförsäkring inför sommarsemestern och flaggar det på måndagen.\n- IT skriver ett tydligare felmeddelande när inloggningen med BankID misslyckas, efter att Skador har rapporterat förvirrade kunder.",
    da: "- Kundeservice lægger mærke til mange opkald om rejseforsikring op til sommerferien og melder det mandag.\n- IT skriver en tydeligere fejlbesked, når login med MitID fejler, efter at Skade har meldt om forvirrede kunder.",
    nb: "- Kundeservice merker at mange ringer om reiseforsikring før sommerferien, og sier fra på mandag.\n- IT skriver en tydeligere feilmelding når innlogging med BankID feiler, etter at Skade har meldt om forvirrede kunder.",
  },
};

// ---------------------------------------------------------------------------
// Pillar 3: We keep our promises
// ---------------------------------------------------------------------------

const P_PROMISES: SeedPillarHead = {
  key: "p-promises",
  title: {
    en: "We keep our promises",
    sv: "Vi håller det vi lovar",
    da: "Vi holder, hvad vi lover",
    nb: "Vi holder det vi lover",
  },
  body: {
    en: "A small promise kept builds more trust than a big one broken. Only promise what you can do, write it down, and do it. If something changes, the customer hears it from us first.",
    sv: "Ett litet löfte som hålls bygger mer förtroende än ett stort som bryts. Lova bara det du kan göra, skriv ner det och gör det. Om något ändras ska kunden höra det från oss först.",
    da: "Et lille løfte, der bliver holdt, skaber mere tillid end et stort, der bliver brudt. Lov kun det, du kan holde, skriv det ned, og gør det. Hvis noget ændrer sig, skal kunden høre det fra os først.",
    nb: "Et lite løfte som holdes, bygger mer tillit enn et stort som brytes. Lov bare det du kan gjøre, skriv det ned, og gjør det. Hvis noe endrer seg, skal kunden høre det fra oss først.",
  },
};

const B_CALL_BACK: SeedBehaviour = {
  key: "b-call-back",
  title: {
    en: "Call back the same day when you promised to",
    sv: "Ring tillbaka samma dag när du har lovat det",
    da: "Ring tilbage samme dag, når du har lovet det",
    nb: "Ring tilbake samme dag når du har lovet det",
  },
  description: {
    en: "If you tell a customer you will call back today, you call back today — even if you have no news yet. Put the call-back in the case system with a time, so a colleague can make the call if you are ill or tied up.",
    sv: "Om du säger till en kund att du ringer tillbaka i dag, så ringer du i dag – även om du inte har något nytt att berätta. Lägg in återuppringningen i ärendesystemet med en tid, så att en kollega kan ringa om du blir sjuk eller fastnar.",
    da: "Hvis du siger til en kunde, at du ringer tilbage i dag, så ringer du i dag – også selvom du ikke har noget nyt. Læg opkaldet ind i sagssystemet med et tidspunkt, så en kollega kan ringe, hvis du bliver syg eller sidder fast.",
    nb: "Hvis du sier til en kunde at du ringer tilbake i dag, så ringer du i dag – også om du ikke har noe nytt å si. Legg tilbakeringingen inn i saksystemet med et klokkeslett, slik at en kollega kan ringe hvis du blir syk eller sitter fast.",
  },
  examples: {
    en: "- “I haven't got the valuation yet, but I promised to call, so here I am. I expect to have it tomorrow.”\n- A Credit adviser stuck in back-to-back meetings asks a colleague to make the 15:30 call.",
    sv: "- ”Jag har inte fått värderingen än, men jag lovade att ringa, så här är jag. Jag räknar med att ha den i morgon.”\n- En rådgivare på Kredit som har möten i ett kör ber en kollega ta samtalet kl. 15.30.",
    da: "- »Jeg har ikke fået vurderingen endnu, men jeg lovede at ringe, så her er jeg. Jeg regner med at have den i morgen.«\n- En rådgiver i Kredit, der sidder i møder hele eftermiddagen, beder en kollega om at tage opkaldet kl. 15.30.",
    nb: "- «Jeg har ikke fått takseringen ennå, men jeg lovte å ringe, så her er jeg. Jeg regner med å ha den i morgen.»\n- En rådgiver i Kreditt som sitter i møter hele ettermiddagen, ber en kollega ta samtalen kl. 15.30.",
  },
};

const B_OWN_THE_CASE: SeedBehaviour = {
  key: "b-own-the-case",
  title: {
    en: "Own the case until it is solved — no hand-offs without a warm transfer",
    sv: "Äg ärendet tills det är löst – koppla aldrig vidare utan en varm överlämning",
    da: "Tag ejerskab for sagen, til den er løst – kun varme overleveringer",
    nb: "Ta eierskap til saken til den er løst – bare varme overleveringer",
  },
  description: {
    en: "The first person the customer talks to owns the case until it is solved or properly handed over. A **warm transfer** means you explain the case to your colleague yourself, so the customer never has to repeat their story.",
    sv: "Den första person kunden pratar med äger ärendet tills det är löst eller ordentligt överlämnat. En **varm överlämning** betyder att du själv förklarar ärendet för din kollega, så att kunden aldrig behöver berätta allt igen.",
    da: "Den første medarbejder, kunden taler med, ejer sagen, til den er løst eller ordentligt overdraget. En **varm overlevering** betyder, at du selv forklarer sagen for din kollega, så kunden aldrig skal fortælle det hele forfra.",
    nb: "Den første kunden snakker med, eier saken til den er løst eller skikkelig overlevert. En **varm overlevering** betyr at du selv forklarer saken for kollegaen din, slik at kunden aldri må fortelle alt på nytt.",
  },
  examples: {
    en: "- You stay on the line while you introduce the customer to a claims handler: “Henrik, this is Maria. Her basement flooded on Sunday, and she has photos ready.”\n- A mortgage question in the chat goes to Credit with a summary, and the next day you check that someone picked it up.",
    sv: "- Du stannar kvar i samtalet medan du presenterar kunden för en handläggare på Skador: ”Henrik, det här är Maria. Hennes källare översvämmades i söndags och hon har bilder redo.”\n- En bolånefråga i chatten går vidare till Kredit med en sammanfattning, och dagen efter kollar du att någon har tagit den.",
    da: "- Du bliver i røret, mens du præsenterer kunden for en sagsbehandler i Skade: »Henrik, det her er Maria. Hendes kælder blev oversvømmet søndag, og hun har billeder klar.«\n- Et spørgsmål om boliglån i chatten går videre til Kredit med et resumé, og dagen efter tjekker du, at nogen har taget sig af det.",
    nb: "- Du blir værende i samtalen mens du presenterer kunden for en saksbehandler i Skade: «Henrik, dette er Maria. Kjelleren hennes ble oversvømt på søndag, og hun har bilder klare.»\n- Et spørsmål om boliglån i chatten går videre til Kreditt med et sammendrag, og dagen etter sjekker du at noen har tatt det.",
  },
};

/** New in V2. */
const B_PROACTIVE_UPDATE: SeedBehaviour = {
  key: "b-proactive-update",
  title: {
    en: "Give an update before the customer has to ask",
    sv: "Hör av dig innan kunden behöver fråga",
    da: "Giv besked, før kunden behøver at spørge",
    nb: "Gi beskjed før kunden må spørre",
  },
  description: {
    en: "Open claims and loan applications get a status update **at least once a week**, by text message or e-mail — also when the update is “we are still waiting”. Silence feels like being forgotten.",
    sv: "Öppna skadeärenden och låneansökningar får en statusuppdatering **minst en gång i veckan**, via sms eller mejl – även när beskedet är ”vi väntar fortfarande”. Tystnad känns som att bli bortglömd.",
    da: "Åbne skadesager og låneansøgninger får en statusopdatering **mindst én gang om ugen** på sms eller mail – også når beskeden er »vi venter stadig«. Stilhed føles som at være glemt.",
    nb: "Åpne skadesaker og lånesøknader får en statusoppdatering **minst én gang i uka** på SMS eller e-post – også når beskjeden er «vi venter fortsatt». Stillhet føles som å bli glemt.",
  },
  examples: {
    en: "- A car repair is delayed by missing parts: Claims texts the customer the same day the workshop tells us.\n- On day five of a loan application, Credit sends a short e-mail saying which document we are still missing.",
    sv: "- En bilreparation försenas av reservdelar som saknas: Skador sms:ar kunden samma dag som verkstaden meddelar oss.\n- Dag fem i en låneansökan skickar Kredit ett kort mejl om vilket dokument vi fortfarande saknar.",
    da: "- En bilreparation bliver forsinket af manglende reservedele: Skade sender en sms til kunden samme dag, som værkstedet giver os besked.\n- På dag fem af en låneansøgning sender Kredit en kort mail om, hvilket dokument vi stadig mangler.",
    nb: "- En bilreparasjon blir forsinket fordi deler mangler: Skade sender SMS til kunden samme dag som verkstedet gir oss beskjed.\n- På dag fem av en lånesøknad sender Kreditt en kort e-post om hvilket dokument vi fortsatt mangler.",
  },
};

// ---------------------------------------------------------------------------
// Pillar 4: You will want to recommend us
// ---------------------------------------------------------------------------

const P_RECOMMEND: SeedPillarHead = {
  key: "p-recommend",
  title: {
    en: "You will want to recommend us",
    sv: "Du kommer att vilja rekommendera oss",
    da: "Du får lyst til at anbefale os",
    nb: "Du får lyst til å anbefale oss",
  },
  body: {
    en: "We measure ourselves by one question: would our customers recommend us to a friend? Getting the basics right makes customers satisfied. The small, unexpected extra — and learning from every complaint — is what makes them tell their friends about us.",
    sv: "Vi mäter oss själva med en enda fråga: skulle våra kunder rekommendera oss till en vän? Att grunderna sitter gör kunderna nöjda. Det är den lilla, oväntade extra insatsen – och att vi lär oss av varje klagomål – som får dem att berätta om oss för sina vänner.",
    da: "Vi måler os selv på ét spørgsmål: Ville vores kunder anbefale os til en ven? Når det grundlæggende er i orden, bliver kunderne tilfredse. Det er den lille, uventede ekstra indsats – og at vi lærer af hver eneste klage – der får dem til at fortælle deres venner om os.",
    nb: "Vi måler oss selv på ett spørsmål: Ville kundene våre anbefalt oss til en venn? Når det grunnleggende sitter, blir kundene fornøyde. Det er den lille, uventede ekstra innsatsen – og at vi lærer av hver klage – som får dem til å fortelle vennene sine om oss.",
  },
};

const B_SHARE_LEARNING: SeedBehaviour = {
  key: "b-share-learning",
  title: {
    en: "Tell a colleague in another department what you learned from a customer",
    sv: "Berätta för en kollega på en annan avdelning vad du har lärt dig av en kund",
    da: "Fortæl en kollega i en anden afdeling, hvad du har lært af en kunde",
    nb: "Fortell en kollega i en annen avdeling hva du har lært av en kunde",
  },
  description: {
    en: "Customers often tell us things that another department needs to hear. At least once a week, pass one concrete insight on to the team that can act on it — face to face, in the team channel or at the Friday stand-up.",
    sv: "Kunder berättar ofta saker som en annan avdelning behöver höra. Minst en gång i veckan för du vidare en konkret insikt till det team som kan göra något åt den – personligen, i teamkanalen eller på fredagsmötet.",
    da: "Kunderne fortæller os tit ting, som en anden afdeling har brug for at høre. Mindst én gang om ugen giver du én konkret indsigt videre til det team, der kan gøre noget ved den – ansigt til ansigt, i teamkanalen eller til fredagsmødet.",
    nb: "Kundene forteller oss ofte ting som en annen avdeling trenger å høre. Minst én gang i uka gir du én konkret innsikt videre til teamet som kan gjøre noe med den – ansikt til ansikt, i teamkanalen eller på fredagsmøtet.",
  },
  examples: {
    en: "- Claims tells Marketing that customers do not understand the new home insurance campaign.\n- Customer Service shows IT which step in the app makes people pick up the phone.",
    sv: "- Skador berättar för Marknad att kunderna inte förstår den nya kampanjen för hemförsäkring.\n- Kundservice visar IT vilket steg i appen som får folk att ringa.",
    da: "- Skade fortæller Marketing, at kunderne ikke forstår den nye kampagne for indboforsikring.\n- Kundeservice viser IT, hvilket trin i appen der får folk til at ringe.",
    nb: "- Skade forteller Marked at kundene ikke forstår den nye kampanjen for innboforsikring.\n- Kundeservice viser IT hvilket steg i appen som får folk til å ringe.",
  },
};

const B_LOW_SCORE_CALL: SeedBehaviour = {
  key: "b-low-score-call",
  title: {
    en: "Call customers who give us a low score within two working days",
    sv: "Ring upp kunder som ger oss ett lågt betyg inom två arbetsdagar",
    da: "Ring til kunder, der giver os en lav score, inden for to arbejdsdage",
    nb: "Ring kunder som gir oss lav score, innen to virkedager",
  },
  description: {
    en: "A low score is a customer giving us a second chance. Call within two working days, listen without defending yourself, and put right what you can. **Log what you learned**, so we can spot patterns across departments.",
    sv: "Ett lågt betyg är en kund som ger oss en andra chans. Ring inom två arbetsdagar, lyssna utan att försvara dig och rätta till det du kan. **Dokumentera vad du har lärt dig**, så att vi kan se mönster över avdelningsgränserna.",
    da: "En lav score er en kunde, der giver os en chance til. Ring inden for to arbejdsdage, lyt uden at forsvare dig, og ret op på det, du kan. **Skriv ned, hvad du har lært**, så vi kan se mønstre på tværs af afdelinger.",
    nb: "En lav score er en kunde som gir oss en ny sjanse. Ring innen to virkedager, lytt uten å forsvare deg, og rett opp det du kan. **Skriv ned hva du har lært**, slik at vi kan se mønstre på tvers av avdelingene.",
  },
  examples: {
    en: "- A customer gives us 3 out of 10 after a slow claim: the handler calls, apologises and explains what we have changed.\n- A customer who was annoyed by an online form gets a call from E-commerce — and a thank-you when the form is fixed.",
    sv: "- En kund ger oss 3 av 10 efter ett långsamt skadeärende: handläggaren ringer, ber om ursäkt och berättar vad vi har ändrat.\n- En kund som irriterade sig på ett formulär på webben blir uppringd av E-handel – och får ett tack när formuläret är fixat.",
    da: "- En kunde giver os 3 ud af 10 efter en langsom skadesag: Sagsbehandleren ringer, siger undskyld og fortæller, hvad vi har ændret.\n- En kunde, der var irriteret over en formular på nettet, bliver ringet op af E-handel – og får en tak, når formularen er rettet.",
    nb: "- En kunde gir oss 3 av 10 etter en treg skadesak: Saksbehandleren ringer, beklager og forteller hva vi har endret.\n- En kunde som irriterte seg over et skjema på nettet, blir oppringt av Netthandel – og får en takk når skjemaet er fikset.",
  },
};

// ---------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------

/** V1 was only translated into Swedish: keep `en` and `sv`, drop the rest. */
function svOnly(text: SeedText): SeedText {
  return text.sv === undefined ? { en: text.en } : { en: text.en, sv: text.sv };
}

function svOnlyBehaviour(behaviour: SeedBehaviour): SeedBehaviour {
  const result: SeedBehaviour = {
    key: behaviour.key,
    title: svOnly(behaviour.title),
    description: svOnly(behaviour.description),
  };
  if (behaviour.examples !== undefined) result.examples = svOnly(behaviour.examples);
  return result;
}

function svOnlyPromise(promise: SeedPromise): SeedPromise {
  return {
    title: svOnly(promise.title),
    intro: svOnly(promise.intro),
    pillars: promise.pillars.map((pillar) => ({
      key: pillar.key,
      title: svOnly(pillar.title),
      body: svOnly(pillar.body),
      behaviours: pillar.behaviours.map(svOnlyBehaviour),
    })),
  };
}

/** The first published version (about six months ago). */
export const PROMISE_V1: SeedPromise = svOnlyPromise({
  title: PROMISE_TITLE,
  intro: INTRO_V1,
  pillars: [
    {
      ...P_PERSONAL,
      behaviours: [
        B_THREE_METRES,
        B_NAME_NEXT_STEP,
        { ...B_PLAIN_LANGUAGE, description: PLAIN_LANGUAGE_DESCRIPTION_V1 },
      ],
    },
    {
      ...P_REACHABLE,
      title: P_REACHABLE_TITLE_V1,
      behaviours: [B_THREE_RINGS, B_EMAIL_ONE_DAY, B_WEB_ANSWERS],
    },
    {
      ...P_PROMISES,
      behaviours: [B_CALL_BACK, B_OWN_THE_CASE],
    },
    {
      ...P_RECOMMEND,
      behaviours: [B_SHARE_LEARNING, B_LOW_SCORE_CALL],
    },
  ],
});

/** The current version: V1 with a few changes, so that history and diff have something to show. */
export const PROMISE_V2: SeedPromise = {
  title: PROMISE_TITLE,
  intro: INTRO_V2,
  pillars: [
    {
      ...P_PERSONAL,
      behaviours: [B_THREE_METRES, B_NAME_NEXT_STEP, B_PLAIN_LANGUAGE],
    },
    {
      ...P_REACHABLE,
      behaviours: [B_EMAIL_ONE_DAY, B_CHAT_FIRST_REPLY, B_WEB_ANSWERS],
    },
    {
      ...P_PROMISES,
      behaviours: [B_CALL_BACK, B_OWN_THE_CASE, B_PROACTIVE_UPDATE],
    },
    {
      ...P_RECOMMEND,
      behaviours: [B_SHARE_LEARNING, B_LOW_SCORE_CALL],
    },
  ],
};
