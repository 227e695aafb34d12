/**
 * A warning, not a filter: before a customer story or shadowing note is
 * published, we look for text that is probably personal data about a customer
 * (e-mail addresses, phone numbers, Nordic national identity numbers, payment
 * cards) so the author can edit it or confirm it is fine.
 *
 * Recall matters most, but an alarm on every date, amount or case number would
 * teach authors to click it away, so each kind needs a real structure: a valid
 * date and checksum for identity numbers, Luhn and a card prefix for cards, a
 * leading "+" or "0" or a Nordic grouping for phone numbers.
 *
 * The text is markdown in English, Swedish, Danish or Norwegian; everything here
 * is plain string work and runs the same on the server and in the browser.
 */

export type PersonalDataKind = "email" | "phone" | "personnummer" | "cpr" | "fodselsnummer" | "card";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** the matched text */
  match: string;
  index: number;
}

type NumberKind = Exclude<PersonalDataKind, "email">;

interface Candidate extends PersonalDataFinding {
  end: number;
}

/** When number patterns claim the same characters, the most specific one is reported. */
const SPECIFICITY: Record<NumberKind, number> = { card: 0, fodselsnummer: 1, personnummer: 2, cpr: 3, phone: 4 };

// ---------------------------------------------------------------------------
// Shared pieces of pattern. All patterns use the flags "giu": \p{…} needs "u",
// and currency or phone words may be written in any case.
// ---------------------------------------------------------------------------

/** Space, no-break space and narrow no-break space: what editors put between digit groups. */
const SPACE = String.raw`[ \u00a0\u202f]`;
/** Hyphen-minus plus the hyphens and en dash that word processors substitute for it. */
const DASH = String.raw`[\-\u2010-\u2013]`;
const CURRENCY_CODE = String.raw`(?:kr|sek|dkk|nok|eur|usd)`;

/**
 * A number starts where nothing number-like ends: not inside a word ("AB123"),
 * not after "+" (handled by the international pattern), not continuing a date,
 * decimal or time ("2026-11-25", "12.5", "14:30") and not right after a currency
 * ("kr 12 500", "€ 1000").
 */
const START = String.raw`(?<![\p{L}\p{N}_+])(?<!\p{N}(?:${DASH}|[\/.,:]))(?<!(?:${CURRENCY_CODE}|[€$£])\.?${SPACE}?)`;

/**
 * …and ends where nothing number-like follows: no letter or digit, no further
 * date/decimal/time part, no percentage and no currency ("12 500 kr", "41 %").
 */
const END = String.raw`(?![\p{L}\p{N}_])(?!(?:${DASH}|[\/.,:+])\p{N})(?!${SPACE}?(?:%|(?:${CURRENCY_CODE}|procent|prosent|percent)(?!\p{L})|[€$£]|:-))`;

/** Grouped numbers must be whole: "12 34 56 78" inside "10 12 34 56 78 90" is not a phone number. */
const NO_GROUP_BEFORE = String.raw`(?<!\p{N}(?:${SPACE}|${DASH}))`;
const NO_GROUP_AFTER = String.raw`(?!(?:${SPACE}|${DASH})\p{N})`;

/**
 * Words that say "a phone number follows" in the four languages (tel, tlf, tfn,
 * telefon, mobil, phone, call, ring/ringa/ringe, sms …). Only needed for bare
 * 8-digit Danish/Norwegian numbers, which otherwise look like order numbers.
 */
const PHONE_WORD = String.raw`(?<!\p{L})(?:tele?fon\p{L}*|tel|tlf|tfn|mob(?:il)?\p{L}*|cell\p{L}*|phone\p{L}*|call\p{L}*|ring\p{L}*|sms\p{L}*|whatsapp)`;

function pattern(source: string): RegExp {
  return new RegExp(source, "giu");
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

// ---------------------------------------------------------------------------
// Checksums and dates
// ---------------------------------------------------------------------------

/** Luhn (mod 10), used by Swedish personnummer and payment cards. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit years do not say their century; a date counts if it exists in either (29 Feb 00). */
function isTwoDigitYearDate(yy: number, month: number, day: number): boolean {
  return isCalendarDate(1900 + yy, month, day) || isCalendarDate(2000 + yy, month, day);
}

/** "YYMMDD" or "DDMMYY" as three numbers. */
function dateParts(six: string): [number, number, number] {
  return [Number(six.slice(0, 2)), Number(six.slice(2, 4)), Number(six.slice(4, 6))];
}

const AFTER_PHONE_WORD = new RegExp(String.raw`${PHONE_WORD}[^\p{N}\n]{0,20}$`, "iu");

/**
 * A bare 10-digit run starting with 0 is also the shape of a Swedish phone number
 * written without spaces. We call it a phone when it starts "070" (a mobile: far
 * more common in these texts than a CPR of someone born on the 7th, or a
 * personnummer from 2007, written without the dash; 072/073/076/079 never make
 * a valid month anyway) or when a phone word comes just before it ("ring 0812345678").
 */
function isBareSwedishPhone(run: string, text: string, index: number): boolean {
  if (!/^0\d{9}$/.test(run)) return false;
  return run.startsWith("070") || AFTER_PHONE_WORD.test(text.slice(Math.max(0, index - 40), index));
}

// ---------------------------------------------------------------------------
// The kinds
// ---------------------------------------------------------------------------

const EMAIL = pattern(
  // Local part may hold Nordic letters (åäöæø); a domain needs at least one dot,
  // so "@anna" mentions and "hej@team" are not addresses.
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])`,
);

function findEmails(text: string): Candidate[] {
  return [...text.matchAll(EMAIL)].map((m) => candidate("email", m[0], m.index));
}

const CARD_PATTERNS = [
  pattern(String.raw`${START}\d{13,19}${END}`),
  // 4-4-4-4 and friends (13–19 digits), one kind of separator throughout.
  pattern(String.raw`${START}\d{4}(?<sep>${SPACE}|${DASH})\d{4}(?:\k<sep>\d{1,4}){1,3}${NO_GROUP_AFTER}${END}`),
  // American Express prints 4-6-5.
  pattern(String.raw`${START}3[47]\d{2}(?<sep>${SPACE}|${DASH})\d{6}\k<sep>\d{5}${NO_GROUP_AFTER}${END}`),
];

/** Issuer prefixes (IIN) and the lengths those networks issue, so random Luhn-valid runs rarely pass. */
function hasCardPrefix(digits: string): boolean {
  const length = digits.length;
  const first4 = Number(digits.slice(0, 4));
  if (digits.startsWith("4")) return [13, 16, 19].includes(length); // Visa
  if (/^5[1-5]/.test(digits) || (first4 >= 2221 && first4 <= 2720)) return length === 16; // Mastercard
  if (/^3[47]/.test(digits)) return length === 15; // American Express
  if (/^(?:6011|65|64[4-9])/.test(digits)) return length >= 16; // Discover
  if (digits.startsWith("35")) return length >= 16; // JCB
  return false;
}

function findCards(text: string): Candidate[] {
  return CARD_PATTERNS.flatMap((re) =>
    [...text.matchAll(re)]
      .filter((m) => {
        const digits = digitsOf(m[0]);
        return digits.length >= 13 && digits.length <= 19 && hasCardPrefix(digits) && passesLuhn(digits);
      })
      .map((m) => candidate("card", m[0], m.index)),
  );
}

/** Norwegian fødselsnummer (or D-number), optionally written "DDMMYY NNNNN". */
const FODSELSNUMMER = pattern(String.raw`${START}(?<date>\d{6})(?:${SPACE}|${DASH})?(?<serial>\d{5})${END}`);
const FNR_WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Mod-11 control digit over the first weights.length digits; 10 means the number cannot exist. */
function mod11Control(digits: string, weights: number[]): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * (digits.charCodeAt(i) - 48), 0);
  const control = (11 - (sum % 11)) % 11;
  return control === 10 ? null : control;
}

function isFodselsnummer(digits: string): boolean {
  const [dd, mm, yy] = dateParts(digits);
  const day = dd > 40 ? dd - 40 : dd; // D-number: day + 40
  if (!isTwoDigitYearDate(yy, mm, day)) return false;
  // Both control digits must hold; one matching by chance is 1 in 11, both 1 in 121.
  return (
    mod11Control(digits, FNR_WEIGHTS_1) === Number(digits[9]) &&
    mod11Control(digits, FNR_WEIGHTS_2) === Number(digits[10])
  );
}

function findFodselsnummer(text: string): Candidate[] {
  return [...text.matchAll(FODSELSNUMMER)]
    .filter((m) => isFodselsnummer(digitsOf(m[0])))
    .map((m) => candidate("fodselsnummer", m[0], m.index));
}

/** Swedish personnummer: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD(-)NNNN, and the bare YYMMDDNNNN. */
const PERSONNUMMER = pattern(
  String.raw`${START}(?<century>18|19|20)?(?<date>\d{6})(?<sep>${DASH}|\+)?(?<serial>\d{4})${END}`,
);

function isPersonnummer(m: RegExpExecArray, text: string): boolean {
  const { century, date = "", sep, serial = "" } = m.groups ?? {};
  // "+" marks someone aged 100 or more and only exists in the 10-digit form.
  if (century && sep === "+") return false;
  if (!century && !sep && isBareSwedishPhone(date + serial, text, m.index)) return false;
  const [yy, mm, dd] = dateParts(date);
  const day = dd > 60 ? dd - 60 : dd; // samordningsnummer: day + 60
  const dateOk = century ? isCalendarDate(Number(century) * 100 + yy, mm, day) : isTwoDigitYearDate(yy, mm, day);
  // The check digit is Luhn over the 10-digit form, also when the century is written.
  return dateOk && passesLuhn(date + serial);
}

function findPersonnummer(text: string): Candidate[] {
  return [...text.matchAll(PERSONNUMMER)]
    .filter((m) => isPersonnummer(m, text))
    .map((m) => candidate("personnummer", m[0], m.index));
}

/**
 * Danish CPR: DDMMYY-NNNN or DDMMYYNNNN. No modulus-11 check: numbers issued
 * since 2007 need not satisfy it, so the date is all we can validate.
 */
const CPR = pattern(String.raw`${START}(?<date>\d{6})(?<sep>${DASH})?(?<serial>\d{4})${END}`);

function isCpr(m: RegExpExecArray, text: string): boolean {
  const { date = "", sep, serial = "" } = m.groups ?? {};
  if (!sep && isBareSwedishPhone(date + serial, text, m.index)) return false;
  const [dd, mm, yy] = dateParts(date);
  return isTwoDigitYearDate(yy, mm, dd);
}

function findCpr(text: string): Candidate[] {
  return [...text.matchAll(CPR)].filter((m) => isCpr(m, text)).map((m) => candidate("cpr", m[0], m.index));
}

// --- Phone numbers ---------------------------------------------------------

/** Between groups of an international number: space, dash, dot or slash, or nothing around "(…)". */
const PHONE_SEPARATOR = String.raw`(?:${SPACE}?(?:${DASH}|[.\/])${SPACE}?|${SPACE}|(?=\()|(?<=\)))`;

/**
 * "+46 70 123 45 67", "+45 12 34 56 78", "+47 912 34 567", "+46 (0)8-123 456 78",
 * "0046 …". `(?=(?<run>…))\k<run>` makes the run atomic: if what follows is a
 * currency or a percentage, the regex must not retreat to a shorter run.
 */
const INTERNATIONAL_PHONE = pattern(
  String.raw`${START}(?=(?<run>(?:\+|00(?=[1-9]))[1-9]\d*(?:${PHONE_SEPARATOR}(?:\(\d{1,4}\)|\d+))*))\k<run>${END}`,
);

/**
 * Swedish national format: area code with trunk 0 (08, 031, 0470, mobile 07x),
 * then the subscriber number in groups: "070-123 45 67", "08-123 456 78",
 * "(08) 123 456 78", "0701234567". Only spaces inside the subscriber part, so
 * "011218-1234" (a personnummer shape) cannot be read as area + subscriber.
 */
const SWEDISH_PHONE = pattern(
  String.raw`${START}(?=(?<run>(?:\(0[1-9]\d{0,2}\)|0[1-9]\d{0,2})(?:${SPACE}?(?:${DASH}|\/)${SPACE}?|${SPACE})?\d{2,8}(?:${SPACE}\d{2,4}){0,3}))\k<run>${END}`,
);

/**
 * Danish and Norwegian numbers have 8 digits and no trunk 0. Grouped the way
 * people write phone numbers, they count on their own: 2-2-2-2 ("12 34 56 78",
 * both countries; the grouping is evidence enough, so any first digit but 0)
 * and 3-2-3 for Norwegian mobiles (4xx/9xx). Other 8-digit shapes need a phone
 * word before them (see below).
 */
const NORDIC_PAIRS_PHONE = pattern(
  String.raw`${START}${NO_GROUP_BEFORE}[1-9]\d(?<sep>${SPACE}|${DASH})\d{2}\k<sep>\d{2}\k<sep>\d{2}${NO_GROUP_AFTER}${END}`,
);
const NORWEGIAN_MOBILE_PHONE = pattern(
  String.raw`${START}${NO_GROUP_BEFORE}[49]\d{2}(?<sep>${SPACE})\d{2}\k<sep>\d{3}${NO_GROUP_AFTER}${END}`,
);

/**
 * A bare 8-digit run ("12345678") or 4-4 ("9123 4567") is as likely an order,
 * customer or invoice number as a phone number, so it only counts after a phone
 * word within a few characters: "Ring meg på 91234567", "tlf.: 2345 6789". Real
 * Danish/Norwegian subscriber numbers start with 2–9, which keeps "ring 1 … 12345678" out.
 */
const NORDIC_PHONE_AFTER_WORD = pattern(
  String.raw`(?<=${PHONE_WORD}[^\p{N}\n]{0,20})${START}[2-9]\d{3}(?:${SPACE}|${DASH})?\d{4}${NO_GROUP_AFTER}${END}`,
);

/** "2026-11-25", "25.11.2026", "05 11 2026", "25/11": dates, never phone numbers. */
function isDateLike(text: string): boolean {
  return (
    /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(text) ||
    /^\d{1,2}[-./ \u00a0]\d{1,2}(?:[-./ \u00a0](?:\d{2}|\d{4}))?$/.test(text)
  );
}

/** "0800-1700", "0830 – 1600": opening hours, not a Swedish 8-digit number. */
function isTimeRange(text: string): boolean {
  const time = String.raw`(?:[01]\d|2[0-3])[0-5]\d`;
  return new RegExp(String.raw`^${time}\s?[-\u2010-\u2013]\s?${time}$`).test(text);
}

function isInternationalPhone(text: string): boolean {
  // "(0)" is the trunk prefix people add for national dialling; it is not part of the number.
  const digits = digitsOf(text.replace(/\(0\)/g, "").replace(/^00/, ""));
  // Country code (1–3 digits) plus a national number of 7–12 digits.
  return digits.length >= 8 && digits.length <= 15;
}

function isSwedishPhone(text: string): boolean {
  const digits = digitsOf(text);
  return (
    digits.length >= 8 &&
    digits.length <= 10 &&
    !isDateLike(text) &&
    !isTimeRange(text) &&
    !/^\d{6}[-+\u2010-\u2013]\d{4}$/.test(text) // personnummer/CPR shape: left to those checks
  );
}

/**
 * The longest prefix of `run`, cut at the end of a digit group, that `isValid`
 * accepts. Phone runs are matched greedily, so "+46 70 123 45 67 811218-9876"
 * first arrives as one run; cutting back at group ends recovers the phone.
 */
function longestValidPrefix(run: string, isValid: (text: string) => boolean): string | null {
  for (let end = run.length; end > 0; end--) {
    const groupEnds = /[\d)]/.test(run[end - 1] ?? "") && !/[\d)]/.test(run[end] ?? "");
    if (groupEnds && isValid(run.slice(0, end))) return run.slice(0, end);
  }
  return null;
}

function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  // A leading "+" is strong evidence, so an international run may be cut back as
  // far as needed. A national run of more than 12 digits ("0100 1234 5678 9012")
  // is a long reference or account number, not a phone with something after it.
  const trimmed: [RegExp, (text: string) => boolean, number][] = [
    [INTERNATIONAL_PHONE, isInternationalPhone, Infinity],
    [SWEDISH_PHONE, isSwedishPhone, 12],
  ];
  for (const [re, isValid, maxRunDigits] of trimmed) {
    for (const m of text.matchAll(re)) {
      if (digitsOf(m[0]).length > maxRunDigits) continue;
      const phone = longestValidPrefix(m[0], isValid);
      if (phone) found.push(candidate("phone", phone, m.index));
    }
  }
  for (const re of [NORDIC_PAIRS_PHONE, NORWEGIAN_MOBILE_PHONE, NORDIC_PHONE_AFTER_WORD]) {
    for (const m of text.matchAll(re)) found.push(candidate("phone", m[0], m.index));
  }
  return found;
}

// ---------------------------------------------------------------------------
// Putting it together
// ---------------------------------------------------------------------------

function candidate(kind: PersonalDataKind, match: string, index: number): Candidate {
  return { kind, match, index, end: index + match.length };
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.index < b.end && b.index < a.end;
}

function rank(c: Candidate): number {
  return SPECIFICITY[c.kind as NumberKind];
}

/** Most specific kind first, then earliest, then longest; anything overlapping a kept finding is dropped. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => rank(a) - rank(b) || a.index - b.index || b.end - b.index - (a.end - a.index),
  );
  const kept: Candidate[] = [];
  for (const c of ordered) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept;
}

/** Every finding in the text, in order of appearance, without duplicates at the same position. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const emails = findEmails(text);
  const numbers = resolveOverlaps([
    ...findCards(text),
    ...findFodselsnummer(text),
    ...findPersonnummer(text),
    ...findCpr(text),
    ...findPhones(text),
  ]).filter(
    // Email is independent of the number kinds, but digits inside an address
    // ("0701234567@sms.example.se") are already named by the email finding.
    (n) => !emails.some((e) => e.index <= n.index && n.end <= e.end),
  );
  return [...emails, ...numbers]
    .sort((a, b) => a.index - b.index)
    .map(({ kind, match, index }) => ({ kind, match, index }));
}

/** Replaces each finding's characters except the last 2 with "•", for showing the author what was found without repeating it fully. */
export function maskFinding(match: string): string {
  const chars = Array.from(match); // code points, so a masked letter is one "•"
  const keep = Math.min(2, chars.length);
  return "•".repeat(chars.length - keep) + chars.slice(chars.length - keep).join("");
}
