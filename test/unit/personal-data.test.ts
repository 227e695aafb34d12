import { describe, expect, it } from "vitest";
import { findPersonalData, maskFinding, type PersonalDataKind } from "#app/modules/stories/personal-data.ts";

/** What was found, as [kind, text] pairs in order of appearance. */
function found(text: string): [PersonalDataKind, string][] {
  return findPersonalData(text).map((f) => [f.kind, f.match]);
}

/** Independent Luhn, so the examples below are known to be valid (or not) on their own terms. */
function luhn(digits: string): boolean {
  const sum = [...digits].reverse().reduce((total, c, i) => {
    const d = Number(c) * (i % 2 ? 2 : 1);
    return total + (d > 9 ? d - 9 : d);
  }, 0);
  return sum % 10 === 0;
}

/** Independent Norwegian mod-11 check of both control digits. */
function fnrControlsValid(fnr: string): boolean {
  const d = [...fnr].map(Number);
  const control = (weights: number[]) => {
    const c = 11 - (weights.reduce((s, w, i) => s + w * (d[i] ?? 0), 0) % 11);
    return c === 11 ? 0 : c;
  };
  return control([3, 7, 6, 1, 8, 9, 4, 5, 2]) === d[9] && control([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[10];
}

describe("the examples are what they claim to be", () => {
  it("valid and invalid checksums", () => {
    expect(luhn("8112189876")).toBe(true); // personnummer 811218-9876
    expect(luhn("8112789873")).toBe(true); // samordningsnummer (day 18 + 60)
    expect(luhn("8112189875")).toBe(false);
    expect(luhn("4111111111111111")).toBe(true);
    expect(luhn("4111111111111112")).toBe(false);
    expect(fnrControlsValid("15038512363")).toBe(true);
    expect(fnrControlsValid("55038512357")).toBe(true); // D-number (day 15 + 40)
    expect(fnrControlsValid("15038512364")).toBe(false);
  });
});

describe("findPersonalData: e-mail", () => {
  it("finds addresses, also with Nordic letters, and reports the position", () => {
    expect(findPersonalData("Skriv till anna.åkesson@kund.se.")).toEqual([
      { kind: "email", match: "anna.åkesson@kund.se", index: 11 },
    ]);
    expect(found("Kunden søren+cx@firma.dk svarte")).toEqual([["email", "søren+cx@firma.dk"]]);
  });

  it("ignores @mentions and addresses without a domain", () => {
    expect(found("Tack @anna och @per.olsen för hjälpen, se hej@team")).toEqual([]);
  });
});

describe("findPersonalData: phone numbers", () => {
  it("Swedish national and international formats", () => {
    expect(found("Ring mig på 070-123 45 67")).toEqual([["phone", "070-123 45 67"]]);
    expect(found("Växeln 08-123 456 78 eller +46 70 123 45 67.")).toEqual([
      ["phone", "08-123 456 78"],
      ["phone", "+46 70 123 45 67"],
    ]);
    expect(found("mobil 0701234567")).toEqual([["phone", "0701234567"]]);
  });

  it("Danish formats", () => {
    expect(found("Ring på +45 12 34 56 78 eller 22 33 44 55")).toEqual([
      ["phone", "+45 12 34 56 78"],
      ["phone", "22 33 44 55"],
    ]);
  });

  it("Norwegian mobile numbers, grouped, or bare after a phone word", () => {
    expect(found("Kunden har +47 912 34 567 og 412 34 567")).toEqual([
      ["phone", "+47 912 34 567"],
      ["phone", "412 34 567"],
    ]);
    expect(found("Ring meg på 91234567")).toEqual([["phone", "91234567"]]);
  });

  it("other countries with a + prefix", () => {
    expect(found("call +1 (555) 123-4567 or +44 20 7946 0958")).toEqual([
      ["phone", "+1 (555) 123-4567"],
      ["phone", "+44 20 7946 0958"],
    ]);
  });
});

describe("findPersonalData: national identity numbers", () => {
  it("Swedish personnummer in all written forms, and samordningsnummer", () => {
    expect(found("mitt personnummer är 811218-9876")).toEqual([["personnummer", "811218-9876"]]);
    expect(found("19811218-9876 / 198112189876 / 811218+9876")).toEqual([
      ["personnummer", "19811218-9876"],
      ["personnummer", "198112189876"],
      ["personnummer", "811218+9876"],
    ]);
    expect(found("samordningsnummer 811278-9873")).toEqual([["personnummer", "811278-9873"]]);
  });

  it("Danish CPR with or without dash, no modulus-11 required", () => {
    expect(found("mit CPR-nummer er 150385-1234")).toEqual([["cpr", "150385-1234"]]);
    expect(found("cpr 1503851234")).toEqual([["cpr", "1503851234"]]);
  });

  it("Norwegian fødselsnummer and D-number with valid control digits", () => {
    expect(found("fødselsnummer 15038512363")).toEqual([["fodselsnummer", "15038512363"]]);
    expect(found("D-nummer 550385 12357")).toEqual([["fodselsnummer", "550385 12357"]]);
  });
});

describe("findPersonalData: payment cards", () => {
  it("finds a Luhn-valid card once, not also as a phone or id", () => {
    expect(found("Kortet var 4111 1111 1111 1111, exp 12/27")).toEqual([["card", "4111 1111 1111 1111"]]);
    expect(found("MC 5555-5555-5555-4444, Amex 3782 822463 10005, 4111111111111111")).toEqual([
      ["card", "5555-5555-5555-4444"],
      ["card", "3782 822463 10005"],
      ["card", "4111111111111111"],
    ]);
  });
});

describe("findPersonalData: near-misses are not flagged", () => {
  it.each([
    "personnummer 811218-9875", // bad Luhn
    "född 810230-1234", // 30 February, valid Luhn
    "811232-1230", // day 32, valid Luhn
    "fnr 15038512364", // wrong second control digit
    "Invoice 2026-11-25, due 25.11.2026 or 25/11",
    "we answered 1 234 calls",
    "kr 12 500 and 12 500 SEK, +12 500 000 kr",
    "kl. 14:30, öppet 0800-1700",
    "case 4711",
    "NPS rose from 32 to 41, up 28 %",
    "within 24 hours, after 3 rings",
    "4111 1111 1111 1112", // card shape, fails Luhn
    "ordre 12345678", // bare 8 digits with no phone word: an order number
    "ordrenummer 23456789",
    "referens 0100 1234 5678 9012",
  ])("%s", (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("findPersonalData: several findings", () => {
  it("reports each in order of appearance, most specific kind once", () => {
    const text = "Anna (811218-9876, anna@kund.se) ringde från +46 70 123 45 67 om kortet 4111 1111 1111 1111.";
    expect(found(text)).toEqual([
      ["personnummer", "811218-9876"],
      ["email", "anna@kund.se"],
      ["phone", "+46 70 123 45 67"],
      ["card", "4111 1111 1111 1111"],
    ]);
    const indexes = findPersonalData(text).map((f) => f.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(findPersonalData(text).every((f) => text.slice(f.index, f.index + f.match.length) === f.match)).toBe(true);
  });

  it("calls a bare 070… run a phone, not a CPR", () => {
    expect(found("0701234567")).toEqual([["phone", "0701234567"]]);
  });
});

describe("maskFinding", () => {
  it("hides all but the last two characters", () => {
    expect(maskFinding("070-123 45 67")).toBe("•••••••••••67");
    expect(maskFinding("anna@kund.se")).toBe("••••••••••se");
    expect(maskFinding("ø")).toBe("ø");
  });
});
