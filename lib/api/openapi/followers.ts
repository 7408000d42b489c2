// OpenAPI paths of followers (docs/followers.md): who follows which ward or branch, and the board's changes.
import { z } from "zod";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { FollowerAssignmentBodySchema, FollowerBoardQuerySchema } from "@/lib/followers/schemas";
import { errors, IdParams, json, jsonBody, OrgLevelSchema } from "./common";

const Count = z.number().int();
const Person = z.looseObject({ id: Count, name: z.string() }).nullable();

const FollowerBoardSchema = z.looseObject({
  unit: z.looseObject({ id: Count, code: z.string(), name: z.string(), level: OrgLevelSchema, path: z.string() }),
  canAssign: z.boolean(),
  wards: z.array(z.looseObject({ id: Count, code: z.string(), name: z.string(), follower: Person, branches: Count, waitingDrafts: Count })),
  branchAssignments: z.array(z.looseObject({ id: Count, code: z.string(), name: z.string(), wardName: z.string().nullable(), follower: Person })),
  branches: z.array(z.looseObject({ id: Count, code: z.string(), name: z.string(), ownFollower: Person, follower: Person, waitingDrafts: Count })),
  workload: z.array(z.looseObject({ user: z.looseObject({ id: Count, name: z.string(), role: z.string(), unitName: z.string() }), units: Count, branches: Count, waitingDrafts: Count })),
  unassigned: z.looseObject({ branches: Count, waitingDrafts: Count }),
  candidates: z.array(z.looseObject({ id: Count, name: z.string(), role: z.string(), unitName: z.string(), scopePath: z.string() })),
});

const AssignmentResultSchema = z.looseObject({ orgUnitId: Count, userId: Count.nullable(), changed: z.boolean() });

export function registerFollowersPaths(registry: OpenAPIRegistry) {
  registry.registerPath({
    method: "get",
    path: "/followers/assignments",
    summary: "Phân công theo dõi dưới một phường hoặc chi bộ (mặc định: gốc phạm vi): người theo dõi từng phường, chi bộ có người theo dõi riêng, khối lượng việc",
    request: { query: FollowerBoardQuerySchema },
    responses: { 200: json(FollowerBoardSchema), ...errors() },
  });
  registry.registerPath({
    method: "put",
    path: "/followers/assignments/{id}",
    summary: "Ban Tổ chức giao phường hoặc chi bộ {id} cho một người theo dõi (hoặc chuyển sang người khác); userId null bỏ phân công. Idempotent",
    description: "Người được giao phải có phạm vi tài khoản chứa đơn vị; người khác trả 400. Đơn vị ngoài phạm vi trả 404.",
    request: { params: IdParams, body: jsonBody(FollowerAssignmentBodySchema) },
    responses: { 200: json(AssignmentResultSchema, "Đã ghi"), ...errors() },
  });
  registry.registerPath({
    method: "delete",
    path: "/followers/assignments/{id}",
    summary: "Bỏ người theo dõi riêng của phường hoặc chi bộ {id} (chi bộ trở về người theo dõi của phường). Idempotent",
    request: { params: IdParams },
    responses: { 200: json(AssignmentResultSchema, "Đã bỏ"), ...errors() },
  });
}
