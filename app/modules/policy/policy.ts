/**
 * The one place that decides who may do what. Every loader, action and
 * resource route asks it (through `requirePermission`), and the UI asks the
 * same functions to show or hide controls. Anything not granted here is denied.
 * Pure and browser-safe: no database access.
 */
import type { Role } from "#db/schema.ts";

export interface ActorDepartment {
  id: string;
  slug: string;
  name: string;
  isManager: boolean;
}

export interface Actor {
  id: string;
  role: Role;
  departments: ActorDepartment[];
}

export interface DepartmentSubject {
  id: string;
  name: string;
}

export interface StorySubject {
  authorId: string;
  departmentId: string;
  departmentName: string;
}

/** One employee's performance-review preparation, with the cycle's departments they belong to. */
export interface PreparationSubject {
  employeeId: string;
  departments: { id: string; name: string; employeeIsManager: boolean }[];
}

/** Each action with the subject it needs (`undefined` = none). */
export interface Actions {
  /** Use the signed-in parts of the app: home, profile, areas, directory. */
  "app:use": undefined;
  "people:manage": undefined;
  "departments:manage": undefined;
  /** See a department's manager views and keep its touchpoints and backlog: its managers and leaders. */
  "department:manage": DepartmentSubject;
  /** Start, hold and finish a department's CX review: its managers, leaders and admins. */
  "review:run": DepartmentSubject;
  /** Read a department's finished CX reviews: its members, leaders and admins. */
  "review:read": DepartmentSubject;
  /** Write, translate and publish the service promise. */
  "promise:edit": undefined;
  /** See who has acknowledged the promise: leaders everywhere, managers in their departments. */
  "promise:acknowledgements": undefined;
  /** Change or delete a story: its author only. */
  "story:edit": StorySubject;
  /** Hide a story with a reason (and show it again): its department's managers and admins. */
  "story:moderate": StorySubject;
  /** Feature a story for the next CX review: managers of the story's department. */
  "story:feature": StorySubject;
  /** Choose the story of the week shown on everyone's home page. */
  "story:story-of-week": undefined;
  /** Define a department's KPIs and enter or import its readings and survey responses. */
  "kpi:manage": DepartmentSubject;
  /** Create and revoke a department's API tokens: its managers and admins. */
  "kpi:tokens": DepartmentSubject;
  /** Open and cancel a department's shadowing slots, keep its touchpoints: its managers. */
  "shadowing:host": DepartmentSubject;
  /** Book a seat to listen in: people from other departments; leaders and admins anywhere. */
  "shadowing:book": DepartmentSubject;
  /** Hide a recognition with a reason (and show it again): admins. */
  "recognition:hide": undefined;
  /** See how much recognition each department and behaviour gives and receives: leaders and admins. */
  "recognition:figures": undefined;
  /** Open a performance-review cycle and reword its prompt templates: leaders and admins. */
  "cycle:open": undefined;
  /** See a cycle's progress (prepared, reflected, discussed) for a department: its managers, leaders, admins. */
  "cycle:progress": DepartmentSubject;
  /** Read an employee's preparation: the employee, their manager, leaders and admins. Nobody else. */
  "preparation:read": PreparationSubject;
  /** Write the self-reflection: the employee only. */
  "preparation:reflect": PreparationSubject;
  /** Write the manager's notes and mark the conversation discussed: their manager, or a leader. */
  "preparation:conduct": PreparationSubject;
}

export type Action = keyof Actions;

export type Denial =
  | { reason: "signin" }
  | { reason: "role"; role: Role }
  | { reason: "manager"; department: string }
  | { reason: "leaderOrManager" }
  | { reason: "author" }
  | { reason: "ownDepartment"; department: string }
  | { reason: "member"; department: string }
  | { reason: "employee" }
  | { reason: "theirManager" };

export type Decision = { allowed: true } | ({ allowed: false } & Denial);

const ALLOW: Decision = { allowed: true };

export function authorize<A extends Action>(actor: Actor | null, action: A, subject: Actions[A]): Decision {
  if (!actor) return { allowed: false, reason: "signin" };
  switch (action) {
    case "app:use":
      return ALLOW;
    case "people:manage":
    case "departments:manage":
      return actor.role === "admin" ? ALLOW : { allowed: false, reason: "role", role: "admin" };
    case "department:manage": {
      const department = subject as DepartmentSubject;
      if (actor.role === "leader" || managesDepartment(actor, department.id)) return ALLOW;
      return { allowed: false, reason: "manager", department: department.name };
    }
    case "review:run": {
      const department = subject as DepartmentSubject;
      if (seesAllDepartments(actor) || managesDepartment(actor, department.id)) return ALLOW;
      return { allowed: false, reason: "manager", department: department.name };
    }
    case "review:read": {
      // Reviews discuss internal-only stories and named colleagues: the department's own people.
      const department = subject as DepartmentSubject;
      if (seesAllDepartments(actor) || actor.departments.some((d) => d.id === department.id)) return ALLOW;
      return { allowed: false, reason: "member", department: department.name };
    }
    case "promise:edit":
      return actor.role === "leader" || actor.role === "admin"
        ? ALLOW
        : { allowed: false, reason: "role", role: "leader" };
    case "promise:acknowledgements":
      return actor.role === "leader" || actor.role === "admin" || isManager(actor)
        ? ALLOW
        : { allowed: false, reason: "leaderOrManager" };
    case "story:edit":
      return (subject as StorySubject).authorId === actor.id ? ALLOW : { allowed: false, reason: "author" };
    case "story:moderate": {
      const story = subject as StorySubject;
      if (actor.role === "admin" || managesDepartment(actor, story.departmentId)) return ALLOW;
      return { allowed: false, reason: "manager", department: story.departmentName };
    }
    case "story:feature": {
      const story = subject as StorySubject;
      if (managesDepartment(actor, story.departmentId)) return ALLOW;
      return { allowed: false, reason: "manager", department: story.departmentName };
    }
    case "story:story-of-week":
      return actor.role === "leader" ? ALLOW : { allowed: false, reason: "role", role: "leader" };
    case "kpi:manage": {
      const department = subject as DepartmentSubject;
      if (actor.role === "leader" || actor.role === "admin" || managesDepartment(actor, department.id)) return ALLOW;
      return { allowed: false, reason: "manager", department: department.name };
    }
    case "kpi:tokens": {
      const department = subject as DepartmentSubject;
      if (actor.role === "admin" || managesDepartment(actor, department.id)) return ALLOW;
      return { allowed: false, reason: "manager", department: department.name };
    }
    case "shadowing:host": {
      const department = subject as DepartmentSubject;
      if (managesDepartment(actor, department.id)) return ALLOW;
      return { allowed: false, reason: "manager", department: department.name };
    }
    case "shadowing:book": {
      // The point is to see the customer's side from outside: not one's own department.
      const department = subject as DepartmentSubject;
      if (actor.role === "leader" || actor.role === "admin") return ALLOW;
      if (actor.departments.some((d) => d.id === department.id)) {
        return { allowed: false, reason: "ownDepartment", department: department.name };
      }
      return ALLOW;
    }
    case "recognition:hide":
      return actor.role === "admin" ? ALLOW : { allowed: false, reason: "role", role: "admin" };
    case "recognition:figures":
      return seesAllDepartments(actor) ? ALLOW : { allowed: false, reason: "role", role: "leader" };
    case "cycle:open":
      return seesAllDepartments(actor) ? ALLOW : { allowed: false, reason: "role", role: "leader" };
    case "cycle:progress": {
      const department = subject as DepartmentSubject;
      if (seesAllDepartments(actor) || managesDepartment(actor, department.id)) return ALLOW;
      return { allowed: false, reason: "manager", department: department.name };
    }
    case "preparation:read": {
      const preparation = subject as PreparationSubject;
      if (preparation.employeeId === actor.id || seesAllDepartments(actor) || isTheirManager(actor, preparation)) {
        return ALLOW;
      }
      return { allowed: false, reason: "theirManager" };
    }
    case "preparation:reflect":
      return (subject as PreparationSubject).employeeId === actor.id ? ALLOW : { allowed: false, reason: "employee" };
    case "preparation:conduct": {
      // Nobody holds their own conversation; a manager's is held by a leader.
      const preparation = subject as PreparationSubject;
      if (preparation.employeeId === actor.id) return { allowed: false, reason: "theirManager" };
      if (actor.role === "leader" || isTheirManager(actor, preparation)) return ALLOW;
      return { allowed: false, reason: "theirManager" };
    }
    default:
      return { allowed: false, reason: "role", role: "admin" };
  }
}

export function can<A extends Action>(actor: Actor | null, action: A, subject: Actions[A]): boolean {
  return authorize(actor, action, subject).allowed;
}

/**
 * API tokens are not people: a token has no role, only the department it was
 * made for (by that department's manager or an admin, see "kpi:tokens"). It
 * may send and read that department's KPI data, and nothing else.
 */
export function authorizeToken(token: { departmentId: string }, department: DepartmentSubject): Decision {
  return token.departmentId === department.id
    ? ALLOW
    : { allowed: false, reason: "manager", department: department.name };
}

export function managesDepartment(actor: Actor, departmentId: string): boolean {
  return actor.departments.some((d) => d.id === departmentId && d.isManager);
}

/** Leaders and admins see every department; a manager sees the departments they manage. */
export function seesAllDepartments(actor: Actor): boolean {
  return actor.role === "leader" || actor.role === "admin";
}

/** Manages one of the employee's departments in the cycle, as someone other than one of its own managers. */
function isTheirManager(actor: Actor, preparation: PreparationSubject): boolean {
  return (
    preparation.employeeId !== actor.id &&
    preparation.departments.some((d) => !d.employeeIsManager && managesDepartment(actor, d.id))
  );
}

export function isManager(actor: Actor): boolean {
  return actor.departments.some((d) => d.isManager);
}
