import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";
import { ROOT } from "#test/setup/build.ts";

/**
 * Every route × every role (and anonymous), over real HTTP against the built
 * server with the demo company. `302` for anonymous means "sent to sign in".
 */
type Who = "anonymous" | "employee" | "manager" | "leader" | "admin";
const WHO: Who[] = ["anonymous", "employee", "manager", "leader", "admin"];
const LOGINS: Record<Exclude<Who, "anonymous">, string> = {
  employee: "employee@demo.test",
  manager: "manager@demo.test",
  leader: "leader@demo.test",
  admin: "admin@demo.test",
};

type Expect = Record<Who, number>;
const all = (status: number): Expect => ({
  anonymous: status,
  employee: status,
  manager: status,
  leader: status,
  admin: status,
});
const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 302 });
const adminOnly = (status: number): Expect => ({
  anonymous: 302,
  employee: 403,
  manager: 403,
  leader: 403,
  admin: status,
});
/** The manager of Customer Service (the demo manager), leaders and admins. */
const managersAndUp = (status: number): Expect => ({ ...leadersAndAdmins(status), manager: status });
const leadersAndAdmins = (status: number): Expect => ({
  anonymous: 302,
  employee: 403,
  manager: 403,
  leader: status,
  admin: status,
});

interface Ids {
  adminId: string;
  behaviourId: string;
  /** Published stories written by the demo employee during setup (the second one gets hidden). */
  storyId: string;
  hiddenStoryId: string;
  /** A slot opened during setup, and a submitted note of the demo company's Claims department. */
  slotId: string;
  noteId: string;
  /** An item of Customer Service's improvement backlog. */
  improvementId: string;
  /** A finished review of Customer Service from the demo company, and one opened during setup. */
  finishedReviewId: string;
  openReviewId: string;
  /** A recognition the demo employee gave during setup. */
  recognitionId: string;
  /** Review cycles the leader opened during setup: one for Customer Service, one for Claims only. */
  cycleId: string;
  claimsCycleId: string;
  /** The demo employee and the demo manager (both in Customer Service). */
  employeeId: string;
  managerId: string;
}

interface Row {
  route: string;
  method: "GET" | "POST";
  path: string | ((ids: Ids) => string);
  expect: Expect;
  form?: Record<string, string>;
}

const MATRIX: Row[] = [
  { route: "_index", method: "GET", path: "/", expect: signedIn(200) },
  { route: "login", method: "GET", path: "/login", expect: { ...all(302), anonymous: 200 } },
  // Signed-in people are sent home from the sign-in page, whatever they post.
  { route: "login", method: "POST", path: "/login", expect: { ...all(302), anonymous: 400 } },
  { route: "logout", method: "GET", path: "/logout", expect: all(302) },
  { route: "language", method: "GET", path: "/language", expect: all(302) },
  { route: "language", method: "POST", path: "/language", form: { locale: "xx" }, expect: all(400) },
  { route: "invite.$token", method: "GET", path: "/invite/not-a-real-invitation-token", expect: all(410) },
  { route: "invite.$token", method: "POST", path: "/invite/not-a-real-invitation-token", expect: all(400) },
  { route: "profile", method: "GET", path: "/profile", expect: signedIn(200) },
  { route: "profile", method: "POST", path: "/profile", expect: signedIn(400) },
  { route: "promise._index", method: "GET", path: "/promise", expect: signedIn(200) },
  { route: "promise._index", method: "POST", path: "/promise", expect: signedIn(400) },
  { route: "promise.draft._index", method: "GET", path: "/promise/draft", expect: leadersAndAdmins(200) },
  { route: "promise.draft._index", method: "POST", path: "/promise/draft", expect: leadersAndAdmins(400) },
  // The demo company has no draft: nothing to preview or translate.
  { route: "promise.draft.preview", method: "GET", path: "/promise/draft/preview", expect: leadersAndAdmins(404) },
  {
    route: "promise.draft.translations",
    method: "GET",
    path: "/promise/draft/translations",
    expect: leadersAndAdmins(404),
  },
  {
    route: "promise.draft.translations",
    method: "POST",
    path: "/promise/draft/translations",
    expect: leadersAndAdmins(400),
  },
  { route: "promise.versions._index", method: "GET", path: "/promise/versions", expect: signedIn(200) },
  { route: "promise.versions.$number", method: "GET", path: "/promise/versions/1", expect: signedIn(200) },
  { route: "promise.versions.$number", method: "GET", path: "/promise/versions/99", expect: signedIn(404) },
  { route: "promise.versions.$number", method: "GET", path: "/promise/versions/x", expect: signedIn(404) },
  { route: "promise.compare", method: "GET", path: "/promise/compare?from=1&to=2", expect: signedIn(200) },
  { route: "promise.compare", method: "GET", path: "/promise/compare?from=1&to=oops", expect: signedIn(404) },
  {
    route: "promise.acknowledgements",
    method: "GET",
    path: "/promise/acknowledgements",
    expect: { anonymous: 302, employee: 403, manager: 200, leader: 200, admin: 200 },
  },
  {
    route: "behaviours.$id",
    method: "GET",
    path: ({ behaviourId }) => `/behaviours/${behaviourId}`,
    expect: signedIn(200),
  },
  {
    route: "behaviours.$id",
    method: "GET",
    path: "/behaviours/00000000-0000-4000-8000-000000000000",
    expect: signedIn(404),
  },
  { route: "behaviours.$id", method: "GET", path: "/behaviours/not-an-id", expect: signedIn(404) },
  { route: "stories._index", method: "GET", path: "/stories", expect: signedIn(200) },
  { route: "stories._index", method: "GET", path: "/stories?q=storm&channel=phone", expect: signedIn(200) },
  { route: "stories.new", method: "GET", path: "/stories/new", expect: signedIn(200) },
  { route: "stories.new", method: "POST", path: "/stories/new", expect: signedIn(400) },
  { route: "stories.$id._index", method: "GET", path: ({ storyId }) => `/stories/${storyId}`, expect: signedIn(200) },
  {
    route: "stories.$id._index",
    method: "GET",
    path: "/stories/00000000-0000-4000-8000-000000000000",
    expect: signedIn(404),
  },
  { route: "stories.$id._index", method: "POST", path: ({ storyId }) => `/stories/${storyId}`, expect: signedIn(400) },
  {
    route: "stories.$id._index",
    method: "POST",
    path: ({ hiddenStoryId }) => `/stories/${hiddenStoryId}`,
    form: { intent: "hide", reason: "Matrix check" },
    // Hiding: the managers of the story's department (Customer Service) and admins. Once the
    // manager has hidden it, the leader (no moderator) no longer sees it at all.
    expect: { anonymous: 302, employee: 403, manager: 302, leader: 404, admin: 302 },
  },
  {
    route: "stories.$id.edit",
    method: "GET",
    path: ({ storyId }) => `/stories/${storyId}/edit`,
    expect: { anonymous: 302, employee: 200, manager: 403, leader: 403, admin: 403 },
  },
  {
    route: "stories.$id.edit",
    method: "POST",
    path: ({ storyId }) => `/stories/${storyId}/edit`,
    expect: { anonymous: 302, employee: 400, manager: 403, leader: 403, admin: 403 },
  },
  { route: "notifications", method: "GET", path: "/notifications", expect: signedIn(200) },
  { route: "notifications", method: "POST", path: "/notifications", expect: signedIn(302) },
  { route: "shadowing._index", method: "GET", path: "/shadowing", expect: signedIn(200) },
  { route: "departments.$slug.shadowing", method: "GET", path: "/departments/claims/shadowing", expect: signedIn(200) },
  { route: "departments.$slug.shadowing", method: "GET", path: "/departments/nope/shadowing", expect: signedIn(404) },
  // Opening slots: the department's managers only.
  {
    route: "departments.$slug.shadowing",
    method: "POST",
    path: "/departments/customer-service/shadowing",
    expect: { anonymous: 302, employee: 403, manager: 400, leader: 403, admin: 403 },
  },
  {
    route: "shadowing.slots.$id._index",
    method: "GET",
    path: ({ slotId }) => `/shadowing/slots/${slotId}`,
    expect: signedIn(200),
  },
  { route: "shadowing.slots.$id._index", method: "GET", path: "/shadowing/slots/not-an-id", expect: signedIn(404) },
  {
    route: "shadowing.slots.$id._index",
    method: "POST",
    path: ({ slotId }) => `/shadowing/slots/${slotId}`,
    expect: signedIn(400),
  },
  // Only an observer booked on the session writes its note; everyone else is sent to the slot.
  {
    route: "shadowing.slots.$id.note",
    method: "GET",
    path: ({ slotId }) => `/shadowing/slots/${slotId}/note`,
    expect: all(302),
  },
  {
    route: "shadowing.slots.$id.note",
    method: "POST",
    path: ({ slotId }) => `/shadowing/slots/${slotId}/note`,
    expect: all(302),
  },
  {
    route: "shadowing.notes.$id",
    method: "GET",
    path: ({ noteId }) => `/shadowing/notes/${noteId}`,
    expect: signedIn(200),
  },
  {
    route: "shadowing.notes.$id",
    method: "GET",
    path: "/shadowing/notes/00000000-0000-4000-8000-000000000000",
    expect: signedIn(404),
  },
  {
    route: "departments.$slug.improvements",
    method: "GET",
    path: "/departments/claims/improvements",
    expect: signedIn(200),
  },
  {
    route: "departments.$slug.improvements",
    method: "POST",
    path: "/departments/claims/improvements",
    expect: signedIn(400),
  },
  {
    route: "departments.$slug.improvements.$id",
    method: "GET",
    path: ({ improvementId }) => `/departments/customer-service/improvements/${improvementId}`,
    expect: signedIn(200),
  },
  {
    route: "departments.$slug.improvements.$id",
    method: "GET",
    path: "/departments/customer-service/improvements/00000000-0000-4000-8000-000000000000",
    expect: signedIn(404),
  },
  // Choosing and following up: the department's managers and leaders.
  {
    route: "departments.$slug.improvements.$id",
    method: "POST",
    path: ({ improvementId }) => `/departments/customer-service/improvements/${improvementId}`,
    expect: { anonymous: 302, employee: 403, manager: 400, leader: 400, admin: 403 },
  },
  // Touchpoints: the department's managers and leaders.
  {
    route: "departments.$slug.improvements",
    method: "POST",
    path: "/departments/customer-service/improvements",
    form: { intent: "touchpoint" },
    expect: { anonymous: 302, employee: 403, manager: 400, leader: 400, admin: 403 },
  },
  { route: "kpis._index", method: "GET", path: "/kpis", expect: signedIn(200) },
  { route: "kpis.definitions._index", method: "GET", path: "/kpis/definitions", expect: signedIn(200) },
  { route: "kpis.definitions.$metric", method: "GET", path: "/kpis/definitions/nps", expect: signedIn(200) },
  { route: "kpis.definitions.$metric", method: "GET", path: "/kpis/definitions/nope", expect: signedIn(404) },
  {
    route: "departments.$slug.kpis._index",
    method: "GET",
    path: "/departments/claims/kpis?period=week&range=24",
    expect: signedIn(200),
  },
  { route: "departments.$slug.kpis._index", method: "GET", path: "/departments/nope/kpis", expect: signedIn(404) },
  // Defining KPIs and entering data: the department's managers, leaders and admins.
  {
    route: "departments.$slug.kpis.new",
    method: "GET",
    path: "/departments/customer-service/kpis/new",
    expect: managersAndUp(200),
  },
  {
    route: "departments.$slug.kpis.new",
    method: "GET",
    path: "/departments/claims/kpis/new",
    expect: { ...managersAndUp(200), manager: 403 },
  },
  {
    route: "departments.$slug.kpis.new",
    method: "POST",
    path: "/departments/customer-service/kpis/new",
    expect: managersAndUp(400),
  },
  {
    route: "departments.$slug.kpis.new",
    method: "POST",
    path: "/departments/claims/kpis/new",
    expect: { ...managersAndUp(400), manager: 403 },
  },
  {
    route: "departments.$slug.kpis.$key._index",
    method: "GET",
    path: "/departments/customer-service/kpis/nps",
    expect: signedIn(200),
  },
  {
    route: "departments.$slug.kpis.$key._index",
    method: "GET",
    path: "/departments/customer-service/kpis/nope",
    expect: signedIn(404),
  },
  {
    route: "departments.$slug.kpis.$key._index",
    method: "POST",
    path: "/departments/customer-service/kpis/wait-time",
    expect: managersAndUp(400),
  },
  {
    route: "departments.$slug.kpis.$key.edit",
    method: "GET",
    path: "/departments/customer-service/kpis/nps/edit",
    expect: managersAndUp(200),
  },
  {
    route: "departments.$slug.kpis.$key.edit",
    method: "POST",
    path: "/departments/customer-service/kpis/nps/edit",
    expect: managersAndUp(400),
  },
  {
    route: "departments.$slug.kpis.import",
    method: "GET",
    path: "/departments/customer-service/kpis/import",
    expect: managersAndUp(200),
  },
  {
    route: "departments.$slug.kpis.import",
    method: "POST",
    path: "/departments/customer-service/kpis/import",
    expect: managersAndUp(400),
  },
  {
    route: "departments.$slug.kpis.import",
    method: "GET",
    path: "/departments/claims/kpis/import",
    expect: { ...managersAndUp(200), manager: 403 },
  },
  // API tokens: the department's managers and admins (leaders read, they do not wire systems).
  {
    route: "departments.$slug.kpis.tokens",
    method: "GET",
    path: "/departments/customer-service/kpis/tokens",
    expect: { anonymous: 302, employee: 403, manager: 200, leader: 403, admin: 200 },
  },
  {
    route: "departments.$slug.kpis.tokens",
    method: "POST",
    path: "/departments/customer-service/kpis/tokens",
    expect: { anonymous: 302, employee: 403, manager: 400, leader: 403, admin: 400 },
  },
  {
    route: "departments.$slug.kpis.tokens",
    method: "GET",
    path: "/departments/claims/kpis/tokens",
    expect: { anonymous: 302, employee: 403, manager: 403, leader: 403, admin: 200 },
  },
  { route: "reviews", method: "GET", path: "/reviews", expect: signedIn(200) },
  { route: "recognition._index", method: "GET", path: "/recognition", expect: signedIn(200) },
  { route: "recognition._index", method: "GET", path: "/recognition?department=nope&months=99", expect: signedIn(200) },
  { route: "recognition._index", method: "POST", path: "/recognition", expect: signedIn(400) },
  { route: "recognition.new", method: "GET", path: "/recognition/new", expect: signedIn(200) },
  { route: "recognition.new", method: "POST", path: "/recognition/new", expect: signedIn(400) },
  {
    route: "recognition.$id",
    method: "GET",
    path: ({ recognitionId }) => `/recognition/${recognitionId}`,
    expect: signedIn(200),
  },
  { route: "recognition.$id", method: "GET", path: "/recognition/not-an-id", expect: signedIn(404) },
  // Editing is the author's (the demo employee): anyone else is refused by the command.
  {
    route: "recognition.$id",
    method: "POST",
    path: ({ recognitionId }) => `/recognition/${recognitionId}`,
    form: { intent: "edit", message: "" },
    expect: signedIn(400),
  },
  // Hiding: admins only.
  {
    route: "recognition.$id",
    method: "POST",
    path: ({ recognitionId }) => `/recognition/${recognitionId}`,
    form: { intent: "hide" },
    expect: { anonymous: 302, employee: 403, manager: 403, leader: 403, admin: 400 },
  },
  { route: "recognition.figures", method: "GET", path: "/recognition/figures", expect: leadersAndAdmins(200) },
  // Performance conversations: a preparation is read by the employee, their manager, leaders and admins only.
  { route: "review-cycles._index", method: "GET", path: "/review-cycles", expect: signedIn(200) },
  { route: "review-cycles.new", method: "GET", path: "/review-cycles/new", expect: leadersAndAdmins(200) },
  { route: "review-cycles.new", method: "POST", path: "/review-cycles/new", expect: leadersAndAdmins(400) },
  { route: "review-cycles.prompts", method: "GET", path: "/review-cycles/prompts", expect: leadersAndAdmins(200) },
  {
    route: "review-cycles.prompts",
    method: "POST",
    path: "/review-cycles/prompts",
    form: { rule: "support", locale: "en", text: "Hello {{nobody}}" },
    expect: leadersAndAdmins(400),
  },
  {
    route: "review-cycles.$id._index",
    method: "GET",
    path: ({ cycleId }) => `/review-cycles/${cycleId}`,
    expect: signedIn(200),
  },
  {
    route: "review-cycles.$id._index",
    method: "GET",
    path: ({ claimsCycleId }) => `/review-cycles/${claimsCycleId}`,
    expect: leadersAndAdmins(200),
  },
  { route: "review-cycles.$id._index", method: "GET", path: "/review-cycles/not-an-id", expect: signedIn(404) },
  {
    route: "review-cycles.$id.people.$userId._index",
    method: "GET",
    path: ({ cycleId, employeeId }) => `/review-cycles/${cycleId}/people/${employeeId}`,
    expect: signedIn(200),
  },
  // A manager's own conversation is a leader's to hold: the employee may not read it.
  {
    route: "review-cycles.$id.people.$userId._index",
    method: "GET",
    path: ({ cycleId, managerId }) => `/review-cycles/${cycleId}/people/${managerId}`,
    expect: { ...signedIn(200), employee: 403 },
  },
  // Nobody in the Claims cycle's departments: no preparation.
  {
    route: "review-cycles.$id.people.$userId._index",
    method: "GET",
    path: ({ claimsCycleId, employeeId }) => `/review-cycles/${claimsCycleId}/people/${employeeId}`,
    expect: signedIn(404),
  },
  // The self-reflection is the employee's own (too long: refused, nothing saved).
  {
    route: "review-cycles.$id.people.$userId._index",
    method: "POST",
    path: ({ cycleId, employeeId }) => `/review-cycles/${cycleId}/people/${employeeId}`,
    form: { intent: "reflect", reflection: "x".repeat(20_001) },
    expect: { anonymous: 302, employee: 400, manager: 403, leader: 403, admin: 403 },
  },
  // Notes and "discussed" are the manager's and leaders' (no intent: bad input, never a discussed conversation).
  {
    route: "review-cycles.$id.people.$userId._index",
    method: "POST",
    path: ({ cycleId, employeeId }) => `/review-cycles/${cycleId}/people/${employeeId}`,
    expect: { anonymous: 302, employee: 403, manager: 400, leader: 400, admin: 403 },
  },
  {
    route: "review-cycles.$id.people.$userId.markdown",
    method: "GET",
    path: ({ cycleId, employeeId }) => `/review-cycles/${cycleId}/people/${employeeId}/markdown`,
    expect: signedIn(200),
  },
  {
    route: "review-cycles.$id.people.$userId.markdown",
    method: "GET",
    path: ({ cycleId, managerId }) => `/review-cycles/${cycleId}/people/${managerId}/markdown`,
    expect: { ...signedIn(200), employee: 403 },
  },
  { route: "departments._index", method: "GET", path: "/departments", expect: signedIn(200) },
  { route: "departments.$slug._index", method: "GET", path: "/departments/claims", expect: signedIn(200) },
  { route: "departments.$slug._index", method: "GET", path: "/departments/no-such-department", expect: signedIn(404) },
  // Reviews: the department's people read finished ones; its managers, leaders and admins hold them.
  {
    route: "departments.$slug.reviews._index",
    method: "GET",
    path: "/departments/customer-service/reviews",
    expect: signedIn(200),
  },
  {
    route: "departments.$slug.reviews._index",
    method: "GET",
    path: "/departments/claims/reviews",
    expect: { anonymous: 302, employee: 403, manager: 403, leader: 200, admin: 200 },
  },
  // No action: refused before any loader runs.
  {
    route: "departments.$slug.reviews._index",
    method: "POST",
    path: "/departments/claims/reviews",
    expect: all(405),
  },
  {
    route: "departments.$slug.reviews.new",
    method: "GET",
    path: "/departments/customer-service/reviews/new",
    expect: managersAndUp(200),
  },
  {
    route: "departments.$slug.reviews.new",
    method: "GET",
    path: "/departments/claims/reviews/new",
    expect: leadersAndAdmins(200),
  },
  {
    route: "departments.$slug.reviews.new",
    method: "POST",
    path: "/departments/customer-service/reviews/new",
    expect: managersAndUp(400),
  },
  {
    route: "departments.$slug.reviews.$id",
    method: "GET",
    path: ({ finishedReviewId }) => `/departments/customer-service/reviews/${finishedReviewId}`,
    expect: signedIn(200),
  },
  {
    route: "departments.$slug.reviews.$id",
    method: "GET",
    path: ({ finishedReviewId }) => `/departments/claims/reviews/${finishedReviewId}`,
    expect: signedIn(404),
  },
  {
    route: "departments.$slug.reviews.$id",
    method: "GET",
    path: "/departments/customer-service/reviews/not-an-id",
    expect: signedIn(404),
  },
  // An open review is the meeting's working page: only those who hold reviews see it.
  {
    route: "departments.$slug.reviews.$id",
    method: "GET",
    path: ({ openReviewId }) => `/departments/customer-service/reviews/${openReviewId}`,
    expect: managersAndUp(200),
  },
  {
    route: "departments.$slug.reviews.$id",
    method: "POST",
    path: ({ openReviewId }) => `/departments/customer-service/reviews/${openReviewId}`,
    form: { intent: "decide" },
    expect: managersAndUp(400),
  },
  // A finished review can't be edited.
  {
    route: "departments.$slug.reviews.$id",
    method: "POST",
    path: ({ finishedReviewId }) => `/departments/customer-service/reviews/${finishedReviewId}`,
    form: { intent: "notes", notes: "Too late" },
    expect: managersAndUp(409),
  },
  { route: "admin", method: "GET", path: "/admin", expect: adminOnly(302) },
  { route: "admin._index", method: "GET", path: "/admin", expect: adminOnly(302) },
  { route: "admin.people._index", method: "GET", path: "/admin/people", expect: adminOnly(200) },
  { route: "admin.people._index", method: "POST", path: "/admin/people", expect: adminOnly(400) },
  {
    route: "admin.people.$id",
    method: "GET",
    path: ({ adminId }) => `/admin/people/${adminId}`,
    expect: adminOnly(200),
  },
  { route: "admin.people.$id", method: "GET", path: "/admin/people/not-a-uuid", expect: adminOnly(404) },
  {
    route: "admin.people.$id",
    method: "POST",
    path: ({ adminId }) => `/admin/people/${adminId}`,
    expect: adminOnly(400),
  },
  { route: "admin.departments._index", method: "GET", path: "/admin/departments", expect: adminOnly(200) },
  { route: "admin.departments._index", method: "POST", path: "/admin/departments", expect: adminOnly(400) },
  {
    route: "admin.departments.$slug",
    method: "GET",
    path: "/admin/departments/customer-service",
    expect: adminOnly(200),
  },
  { route: "admin.departments.$slug", method: "GET", path: "/admin/departments/nope", expect: adminOnly(404) },
  { route: "admin.departments.$slug", method: "POST", path: "/admin/departments/claims", expect: adminOnly(400) },
  { route: "api.v1.me", method: "GET", path: "/api/v1/me", expect: { ...all(200), anonymous: 401 } },
  // The KPI API takes bearer tokens only: a session is not enough (test/http/kpi-api.test.ts has the tokens).
  {
    route: "api.v1.departments.$slug.kpis._index",
    method: "GET",
    path: "/api/v1/departments/customer-service/kpis?from=2026-01-01&to=2026-01-31",
    expect: all(401),
  },
  {
    route: "api.v1.departments.$slug.kpis.$key.readings",
    method: "GET",
    path: "/api/v1/departments/customer-service/kpis/aht/readings",
    expect: all(405),
  },
  {
    route: "api.v1.departments.$slug.kpis.$key.readings",
    method: "POST",
    path: "/api/v1/departments/customer-service/kpis/aht/readings",
    expect: all(405),
  },
  {
    route: "api.v1.departments.$slug.survey-responses",
    method: "POST",
    path: "/api/v1/departments/customer-service/survey-responses",
    expect: all(401),
  },
  { route: "$", method: "GET", path: "/no/such/page", expect: all(404) },
  { route: "$", method: "POST", path: "/no/such/page", expect: all(404) },
];

let server: AppServer;
const clients = new Map<Who, HttpClient>();
const ids: Ids = {
  adminId: "",
  behaviourId: "",
  storyId: "",
  hiddenStoryId: "",
  slotId: "",
  noteId: "",
  improvementId: "",
  finishedReviewId: "",
  openReviewId: "",
  recognitionId: "",
  cycleId: "",
  claimsCycleId: "",
  employeeId: "",
  managerId: "",
};

beforeAll(async () => {
  server = await startAppServer();
  clients.set("anonymous", new HttpClient(server.baseUrl));
  for (const [who, email] of Object.entries(LOGINS)) {
    clients.set(who as Who, await new HttpClient(server.baseUrl).signIn(email, "serviceloop"));
  }
  const people = await clients
    .get("admin")!
    .get("/admin/people")
    .then((r) => r.text());
  ids.adminId = /href="\/admin\/people\/([0-9a-f-]{36})"[^>]*>Astrid Admin/.exec(people)![1]!;
  ids.employeeId = /href="\/admin\/people\/([0-9a-f-]{36})"[^>]*>Erik Eriksson/.exec(people)![1]!;
  ids.managerId = /href="\/admin\/people\/([0-9a-f-]{36})"[^>]*>Maja Mortensen/.exec(people)![1]!;
  const promise = await clients
    .get("employee")!
    .get("/promise")
    .then((r) => r.text());
  ids.behaviourId = /href="\/behaviours\/([0-9a-f-]{36})"/.exec(promise)![1]!;
  const form = await clients
    .get("employee")!
    .get("/stories/new")
    .then((r) => r.text());
  const department = /<option value="([0-9a-f-]{36})"[^>]*>Customer Service<\/option>/.exec(form)![1]!;
  const publish = async (title: string) => {
    const created = await clients.get("employee")!.post("/stories/new", {
      intent: "publish",
      title,
      body: "A customer was helped.",
      channel: "phone",
      happenedOn: "2026-10-01",
      departmentId: department,
      language: "en",
      behaviours: ids.behaviourId,
      consent: "anonymised",
    });
    return /\/stories\/([0-9a-f-]{36})/.exec(created.headers.get("location") ?? "")![1]!;
  };
  const shadowing = await clients
    .get("employee")!
    .get("/departments/claims/shadowing")
    .then((r) => r.text());
  // A fresh slot nobody has booked: the note page then sends everyone back to it.
  const opened = await clients.get("manager")!.post("/departments/customer-service/shadowing", {
    startsAt: `${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}T10:00`,
    minutes: "60",
    channel: "phone",
    capacity: "2",
  });
  ids.slotId = /\/shadowing\/slots\/([0-9a-f-]{36})/.exec(opened.headers.get("location") ?? "")![1]!;
  ids.noteId = /href="\/shadowing\/notes\/([0-9a-f-]{36})"/.exec(shadowing)![1]!;
  const backlog = await clients
    .get("employee")!
    .get("/departments/customer-service/improvements")
    .then((r) => r.text());
  ids.improvementId = /href="\/departments\/customer-service\/improvements\/([0-9a-f-]{36})"/.exec(backlog)![1]!;
  const reviews = await clients
    .get("employee")!
    .get("/departments/customer-service/reviews")
    .then((r) => r.text());
  ids.finishedReviewId = /href="\/departments\/customer-service\/reviews\/([0-9a-f-]{36})"/.exec(reviews)![1]!;
  const started = await clients.get("manager")!.post("/departments/customer-service/reviews/new", {
    periodStart: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
    periodEnd: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  });
  ids.openReviewId = /\/reviews\/([0-9a-f-]{36})/.exec(started.headers.get("location") ?? "")![1]!;
  const given = await clients.get("employee")!.post("/recognition/new", {
    message: "Thank you for the calm phone call.",
    behaviourId: ids.behaviourId,
    departments: department,
  });
  ids.recognitionId = /\/recognition\/([0-9a-f-]{36})/.exec(given.headers.get("location") ?? "")![1]!;
  const openCycle = async (name: string, departmentId: string) => {
    const opened = await clients.get("leader")!.post("/review-cycles/new", {
      name,
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
      departments: departmentId,
    });
    return /\/review-cycles\/([0-9a-f-]{36})/.exec(opened.headers.get("location") ?? "")![1]!;
  };
  ids.cycleId = await openCycle("Matrix cycle", department);
  ids.claimsCycleId = await openCycle(
    "Matrix cycle for Claims",
    /<option value="([0-9a-f-]{36})"[^>]*>Claims<\/option>/.exec(form)![1]!,
  );
  ids.storyId = await publish("A matrix story");
  ids.hiddenStoryId = await publish("A matrix story to hide");
});

afterAll(async () => {
  await server?.stop();
});

describe("permission matrix", () => {
  it("covers every route module in app/routes", () => {
    const routes = fs
      .readdirSync(path.join(ROOT, "app/routes"))
      .map((file) => file.replace(/\.tsx?$/, ""))
      .sort();
    expect([...new Set(MATRIX.map((row) => row.route))].sort()).toEqual(routes);
  });

  for (const row of MATRIX) {
    const label =
      typeof row.path === "string"
        ? row.path
        : row.path(Object.fromEntries(Object.keys(ids).map((key) => [key, ":id"])) as unknown as Ids);
    it(`${row.method} ${label}`, async () => {
      const actual: Partial<Expect> = {};
      for (const who of WHO) {
        const client = clients.get(who)!;
        const url = typeof row.path === "string" ? row.path : row.path(ids);
        const response = row.method === "GET" ? await client.get(url) : await client.post(url, row.form ?? {});
        await response.arrayBuffer();
        actual[who] = response.status;
        if (
          who === "anonymous" &&
          response.status === 302 &&
          row.expect.anonymous === 302 &&
          !["/logout", "/language"].includes(url)
        ) {
          expect(response.headers.get("location"), `${url} sends anonymous visitors to sign in`).toMatch(/^\/login/);
        }
      }
      expect(actual).toEqual(row.expect);
    });
  }
});
