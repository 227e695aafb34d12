import { describe, expect, it } from "vitest";
import { authorize, authorizeToken, can, type Actor } from "#app/modules/policy/policy.ts";

const cs = { id: "d-cs", name: "Customer Service" };
const claims = { id: "d-claims", name: "Claims" };
const actor = (role: Actor["role"], departments: Actor["departments"] = []): Actor => ({ id: "u1", role, departments });
const managerOfCs = actor("employee", [{ id: cs.id, slug: "customer-service", name: cs.name, isManager: true }]);
const memberOfCs = actor("employee", [{ id: cs.id, slug: "customer-service", name: cs.name, isManager: false }]);

describe("policy", () => {
  it("denies everything to an anonymous visitor, asking them to sign in", () => {
    expect(authorize(null, "app:use", undefined)).toEqual({ allowed: false, reason: "signin" });
    expect(can(null, "people:manage", undefined)).toBe(false);
    expect(can(null, "department:manage", cs)).toBe(false);
  });

  it("lets every signed-in person use the app", () => {
    for (const role of ["employee", "leader", "admin"] as const)
      expect(can(actor(role), "app:use", undefined)).toBe(true);
  });

  it("gives people and department administration to admins only", () => {
    expect(can(actor("admin"), "people:manage", undefined)).toBe(true);
    expect(can(actor("admin"), "departments:manage", undefined)).toBe(true);
    expect(authorize(actor("leader"), "people:manage", undefined)).toEqual({
      allowed: false,
      reason: "role",
      role: "admin",
    });
    expect(can(managerOfCs, "departments:manage", undefined)).toBe(false);
  });

  it("lets a manager manage their own department, not another one", () => {
    expect(can(managerOfCs, "department:manage", cs)).toBe(true);
    expect(authorize(managerOfCs, "department:manage", claims)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Claims",
    });
  });

  it("does not let a plain member manage their department", () => {
    expect(authorize(memberOfCs, "department:manage", cs)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Customer Service",
    });
  });

  it("lets leaders see every department's manager views", () => {
    expect(can(actor("leader"), "department:manage", claims)).toBe(true);
  });

  it("denies an action it does not know", () => {
    expect(can(actor("admin"), "unknown:action" as never, undefined as never)).toBe(false);
  });
});

describe("service promise permissions", () => {
  it("lets leaders and admins write the promise, nobody else", () => {
    expect(can(actor("leader"), "promise:edit", undefined)).toBe(true);
    expect(can(actor("admin"), "promise:edit", undefined)).toBe(true);
    expect(authorize(managerOfCs, "promise:edit", undefined)).toEqual({
      allowed: false,
      reason: "role",
      role: "leader",
    });
    expect(can(memberOfCs, "promise:edit", undefined)).toBe(false);
  });

  it("shows acknowledgements to leaders, admins and managers, not to other employees", () => {
    expect(can(actor("leader"), "promise:acknowledgements", undefined)).toBe(true);
    expect(can(managerOfCs, "promise:acknowledgements", undefined)).toBe(true);
    expect(authorize(memberOfCs, "promise:acknowledgements", undefined)).toEqual({
      allowed: false,
      reason: "leaderOrManager",
    });
  });

  it("lets a department's managers, leaders and admins define its KPIs and enter its data", () => {
    expect(can(managerOfCs, "kpi:manage", cs)).toBe(true);
    expect(can(actor("leader"), "kpi:manage", claims)).toBe(true);
    expect(can(actor("admin"), "kpi:manage", claims)).toBe(true);
    expect(authorize(managerOfCs, "kpi:manage", claims)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Claims",
    });
    expect(can(memberOfCs, "kpi:manage", cs)).toBe(false);
  });

  it("gives a department's API tokens to its managers and admins only", () => {
    expect(can(managerOfCs, "kpi:tokens", cs)).toBe(true);
    expect(can(actor("admin"), "kpi:tokens", claims)).toBe(true);
    expect(can(actor("leader"), "kpi:tokens", cs)).toBe(false);
    expect(can(managerOfCs, "kpi:tokens", claims)).toBe(false);
    expect(can(memberOfCs, "kpi:tokens", cs)).toBe(false);
  });

  it("lets an API token reach only the department it was made for", () => {
    expect(authorizeToken({ departmentId: cs.id }, cs)).toEqual({ allowed: true });
    expect(authorizeToken({ departmentId: cs.id }, claims)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Claims",
    });
  });

  it("lets a department's managers host shadowing, and people from elsewhere book it", () => {
    expect(can(managerOfCs, "shadowing:host", cs)).toBe(true);
    expect(can(actor("leader"), "shadowing:host", cs)).toBe(false);
    expect(can(memberOfCs, "shadowing:host", cs)).toBe(false);
    expect(authorize(memberOfCs, "shadowing:book", cs)).toEqual({
      allowed: false,
      reason: "ownDepartment",
      department: "Customer Service",
    });
    expect(can(memberOfCs, "shadowing:book", claims)).toBe(true);
    expect(can(managerOfCs, "shadowing:book", cs)).toBe(false);
    expect(
      can(
        actor("leader", [{ id: cs.id, slug: "customer-service", name: cs.name, isManager: false }]),
        "shadowing:book",
        cs,
      ),
    ).toBe(true);
    expect(can(actor("admin"), "shadowing:book", cs)).toBe(true);
  });
});

describe("CX review permissions", () => {
  it("lets a department's managers, leaders and admins run its reviews, not its members or other managers", () => {
    expect(can(managerOfCs, "review:run", cs)).toBe(true);
    expect(can(actor("leader"), "review:run", cs)).toBe(true);
    expect(can(actor("admin"), "review:run", cs)).toBe(true);
    expect(authorize(memberOfCs, "review:run", cs)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Customer Service",
    });
    expect(authorize(managerOfCs, "review:run", claims)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Claims",
    });
    expect(authorize(null, "review:run", cs)).toEqual({ allowed: false, reason: "signin" });
  });

  it("lets a department's members, leaders and admins read its reviews, not other employees", () => {
    expect(can(memberOfCs, "review:read", cs)).toBe(true);
    expect(can(managerOfCs, "review:read", cs)).toBe(true);
    expect(can(actor("leader"), "review:read", claims)).toBe(true);
    expect(can(actor("admin"), "review:read", claims)).toBe(true);
    expect(authorize(memberOfCs, "review:read", claims)).toEqual({
      allowed: false,
      reason: "member",
      department: "Claims",
    });
    expect(authorize(managerOfCs, "review:read", claims)).toEqual({
      allowed: false,
      reason: "member",
      department: "Claims",
    });
    expect(authorize(actor("employee"), "review:read", cs)).toEqual({
      allowed: false,
      reason: "member",
      department: "Customer Service",
    });
  });
});

describe("recognition permissions", () => {
  it("lets only admins hide a recognition", () => {
    expect(can(actor("admin"), "recognition:hide", undefined)).toBe(true);
    for (const someone of [actor("leader"), managerOfCs, memberOfCs, actor("employee")]) {
      expect(authorize(someone, "recognition:hide", undefined)).toEqual({
        allowed: false,
        reason: "role",
        role: "admin",
      });
    }
    expect(authorize(null, "recognition:hide", undefined)).toEqual({ allowed: false, reason: "signin" });
  });

  it("shows the recognition figures to leaders and admins, not to managers or other employees", () => {
    expect(can(actor("leader"), "recognition:figures", undefined)).toBe(true);
    expect(can(actor("admin"), "recognition:figures", undefined)).toBe(true);
    for (const someone of [managerOfCs, memberOfCs, actor("employee")]) {
      expect(authorize(someone, "recognition:figures", undefined)).toEqual({
        allowed: false,
        reason: "role",
        role: "leader",
      });
    }
    expect(authorize(null, "recognition:figures", undefined)).toEqual({ allowed: false, reason: "signin" });
  });

  it("lets leaders and admins open review cycles and reword prompts; managers see their departments' progress", () => {
    expect(can(actor("leader"), "cycle:open", undefined)).toBe(true);
    expect(can(actor("admin"), "cycle:open", undefined)).toBe(true);
    expect(authorize(managerOfCs, "cycle:open", undefined)).toEqual({ allowed: false, reason: "role", role: "leader" });
    expect(can(managerOfCs, "cycle:progress", cs)).toBe(true);
    expect(authorize(managerOfCs, "cycle:progress", claims)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Claims",
    });
    expect(can(memberOfCs, "cycle:progress", cs)).toBe(false);
    expect(can(actor("leader"), "cycle:progress", claims)).toBe(true);
  });

  describe("a review preparation", () => {
    const employee = { id: "u-erik", departments: [{ id: cs.id, name: cs.name, employeeIsManager: false }] };
    const subject = { employeeId: employee.id, departments: employee.departments };
    const self = { ...memberOfCs, id: employee.id };
    const colleague = { ...memberOfCs, id: "u-sofie" };
    const otherManager = actor("employee", [{ id: claims.id, slug: "claims", name: claims.name, isManager: true }]);

    it("is read by the employee, their manager, leaders and admins only", () => {
      for (const reader of [self, managerOfCs, actor("leader"), actor("admin")]) {
        expect(can(reader, "preparation:read", subject)).toBe(true);
      }
      for (const other of [colleague, otherManager, actor("employee")]) {
        expect(authorize(other, "preparation:read", subject)).toEqual({ allowed: false, reason: "theirManager" });
      }
    });

    it("takes the self-reflection from the employee only", () => {
      expect(can(self, "preparation:reflect", subject)).toBe(true);
      for (const other of [managerOfCs, actor("leader"), actor("admin"), colleague]) {
        expect(authorize(other, "preparation:reflect", subject)).toEqual({ allowed: false, reason: "employee" });
      }
    });

    it("is held by their manager or a leader, never by the employee or an admin", () => {
      expect(can(managerOfCs, "preparation:conduct", subject)).toBe(true);
      expect(can(actor("leader"), "preparation:conduct", subject)).toBe(true);
      for (const other of [self, actor("admin"), otherManager, colleague]) {
        expect(can(other, "preparation:conduct", subject)).toBe(false);
      }
    });

    it("of a manager is a leader's: a fellow manager of the department neither reads nor holds it", () => {
      const managers = { employeeId: "u-maja", departments: [{ id: cs.id, name: cs.name, employeeIsManager: true }] };
      expect(can(managerOfCs, "preparation:read", managers)).toBe(false);
      expect(can(managerOfCs, "preparation:conduct", managers)).toBe(false);
      expect(can({ ...managerOfCs, id: "u-maja" }, "preparation:read", managers)).toBe(true);
      expect(can({ ...managerOfCs, id: "u-maja" }, "preparation:conduct", managers)).toBe(false);
      expect(can(actor("leader"), "preparation:conduct", managers)).toBe(true);
    });
  });
});
