import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/validation/page-params";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getFollowerBoard, type FollowerBoard } from "@/lib/followers/follower-board";
import { formatNumber } from "@/lib/format/number";
import type { Role } from "@/lib/generated/prisma/enums";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { AssignFollowerForm } from "@/components/followers/assign-follower-form";
import { assignFollowerAction, reassignFollowerAction } from "./actions";

export const metadata = { title: "Phân công theo dõi chi bộ" };

type Props = { searchParams: Promise<SearchParams> };

/** The people who may follow a unit at `path`: their own scope must reach it. */
function choicesFor(board: FollowerBoard, path: string) {
  return board.candidates.filter((user) => path.startsWith(user.scopePath)).map((user) => ({ id: user.id, label: user.name }));
}

export default async function FollowAssignmentsPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "follower.read")) return <ForbiddenPage />;
  const params = await searchParams;
  const board = await getFollowerBoard(actor, { orgUnitId: params.orgUnitId }).catch((error) => {
    if (error instanceof NotFoundError || error instanceof ValidationError) notFound();
    throw error;
  });
  const { unit, canAssign } = board;
  const wardView = unit.level === "WARD";
  const followerName = (person: { name: string } | null) => person?.name ?? "Chưa giao";
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Chi bộ tôi phụ trách", href: "/follow" }, ...(wardView ? [{ label: "Phân công theo dõi", href: "/follow/assignments" }, { label: unit.name }] : [{ label: "Phân công theo dõi" }])]}
        title={wardView ? `Phân công theo dõi: ${unit.name}` : "Phân công theo dõi chi bộ"}
        description={
          canAssign
            ? "Giao phường hoặc từng chi bộ cho chuyên viên Ban Tổ chức hoặc cấp ủy viên cấp trên. Chi bộ không có người theo dõi riêng do người theo dõi phường phụ trách."
            : "Ai theo dõi phường, chi bộ nào. Ban Tổ chức phân công."
        }
      />

      <section className="card section" aria-labelledby="workload-h">
        <div className="card-header">
          <h2 id="workload-h">Khối lượng việc của từng người</h2>
          <span className="muted small">người đang theo dõi đơn vị; dự thảo chờ: đã nộp hoặc đã sửa, mọi kỳ</span>
        </div>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Người theo dõi</th>
                <th className="num">Đơn vị được giao</th>
                <th className="num">Chi bộ theo dõi</th>
                <th className="num">Dự thảo chờ</th>
                {canAssign ? <th>Chuyển toàn bộ sang</th> : null}
              </tr>
            </thead>
            <tbody>
              {board.workload.filter((row) => row.units > 0 || row.branches > 0).map((row) => (
                <tr key={row.user.id}>
                  <td>
                    {row.user.name}
                    <span className="small muted"> · {ROLE_LABELS[row.user.role as Role]}, {row.user.unitName}</span>
                  </td>
                  <td className="num">{formatNumber(row.units)}</td>
                  <td className="num">{formatNumber(row.branches)}</td>
                  <td className="num">{formatNumber(row.waitingDrafts)}</td>
                  {canAssign ? (
                    <td>
                      {row.units > 0 ? (
                        <AssignFollowerForm
                          action={reassignFollowerAction}
                          hidden={{ fromUserId: row.user.id }}
                          field="toUserId"
                          label={`Chuyển việc của ${row.user.name} sang`}
                          options={board.candidates.filter((user) => user.id !== row.user.id).map((user) => ({ id: user.id, label: user.name }))}
                          selected={null}
                          submitLabel="Chuyển"
                          idSuffix={String(row.user.id)}
                        />
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
              <tr>
                <td>
                  <strong>Chưa có người theo dõi</strong>
                </td>
                <td className="num">—</td>
                <td className="num">{formatNumber(board.unassigned.branches)}</td>
                <td className="num">{formatNumber(board.unassigned.waitingDrafts)}</td>
                {canAssign ? <td /> : null}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      {board.wards.length ? (
        <section className="card section" aria-labelledby="wards-h">
          <h2 id="wards-h">Phường, xã</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Phường</th>
                  <th className="num">Chi bộ</th>
                  <th className="num">Dự thảo chờ</th>
                  <th>Người theo dõi</th>
                </tr>
              </thead>
              <tbody>
                {board.wards.map((ward) => (
                  <tr key={ward.id}>
                    <td>{wardView ? ward.name : <Link href={`/follow/assignments?orgUnitId=${ward.id}`}>{ward.name}</Link>}</td>
                    <td className="num">{formatNumber(ward.branches)}</td>
                    <td className="num">{formatNumber(ward.waitingDrafts)}</td>
                    <td>
                      {canAssign ? (
                        <AssignFollowerForm action={assignFollowerAction} hidden={{ orgUnitId: ward.id }} field="userId" label={`Người theo dõi ${ward.name}`} options={choicesFor(board, ward.path)} selected={ward.follower?.id ?? null} noneLabel="— Chưa giao —" submitLabel="Lưu" idSuffix={String(ward.id)} />
                      ) : (
                        followerName(ward.follower)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {wardView ? (
        <section className="card section" aria-labelledby="branches-h">
          <h2 id="branches-h">Chi bộ</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Chi bộ</th>
                  <th className="num">Dự thảo chờ</th>
                  <th>Đang theo dõi</th>
                  {canAssign ? <th>Giao riêng cho</th> : null}
                </tr>
              </thead>
              <tbody>
                {board.branches.map((branch) => (
                  <tr key={branch.id}>
                    <td>{branch.name}</td>
                    <td className="num">{formatNumber(branch.waitingDrafts)}</td>
                    <td>
                      {followerName(branch.follower)}
                      {branch.follower && !branch.ownFollower ? <span className="small muted"> (theo phường)</span> : null}
                    </td>
                    {canAssign ? (
                      <td>
                        <AssignFollowerForm action={assignFollowerAction} hidden={{ orgUnitId: branch.id }} field="userId" label={`Người theo dõi riêng ${branch.name}`} options={choicesFor(board, branch.path)} selected={branch.ownFollower?.id ?? null} noneLabel="— Theo người theo dõi phường —" submitLabel="Lưu" idSuffix={String(branch.id)} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : board.branchAssignments.length ? (
        <section className="card section" aria-labelledby="own-h">
          <h2 id="own-h">Chi bộ giao riêng</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Chi bộ</th>
                  <th>Phường</th>
                  <th>Người theo dõi</th>
                </tr>
              </thead>
              <tbody>
                {board.branchAssignments.map((branch) => (
                  <tr key={branch.id}>
                    <td>{branch.name}</td>
                    <td>{branch.wardName ?? "—"}</td>
                    <td>{followerName(branch.follower)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
