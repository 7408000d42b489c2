// Realistic Vietnamese draft resolutions for the demo: a branch's monthly
// resolution (letterhead, legal bases, assessment of last month, tasks for the
// coming month, implementation) written from pools of concrete sentences with
// the branch's own people, streets and figures — or, for the drafts the
// reviewers must catch, copied from the template circulating in the district,
// copied from the branch's previous month, or without responsibilities and
// deadlines. Deterministic with the caller's random stream.
import type { Random } from "./random";

export type BranchKind = "RESIDENTIAL" | "RURAL" | "OFFICE" | "POLICE" | "MILITARY" | "CLINIC" | "SCHOOL" | "FRONT" | "ENTERPRISE";

export function branchKindOf(name: string): BranchKind {
  if (/Tổ dân phố/.test(name)) return "RESIDENTIAL";
  if (/Thôn|Xóm/.test(name)) return "RURAL";
  if (/Công an/.test(name)) return "POLICE";
  if (/Quân sự/.test(name)) return "MILITARY";
  if (/Y tế/.test(name)) return "CLINIC";
  if (/Trường/.test(name)) return "SCHOOL";
  if (/Mặt trận/.test(name)) return "FRONT";
  if (/Doanh nghiệp/.test(name)) return "ENTERPRISE";
  return "OFFICE";
}

export type WriterContext = {
  random: Random;
  period: string;
  branchName: string;
  kind: BranchKind;
  /** "Bồ Đề" */
  wardShort: string;
  /** "phường" or "xã" */
  wardWord: string;
  streets: string[];
  /** Names of the branch's current members (the secretary first). */
  people: string[];
  memberCount: number;
  /** Running number of resolutions this year. */
  number: number;
  /** Day of the previous month the draft is dated. */
  writtenDay: number;
};

export type TopicDef = {
  key: string;
  title: string;
  details: string;
  keywords: string[];
  months: number[];
  /** A concrete task taking the topic up. */
  task: (ctx: WriterContext) => string;
  /** The topic only repeated. */
  restated: string;
};

// ---- small helpers -------------------------------------------------------

const monthOf = (period: string) => Number(period.slice(5, 7));
const yearOf = (period: string) => Number(period.slice(0, 4));
function previousMonth(period: string): { month: number; year: number } {
  const month = monthOf(period);
  return month === 1 ? { month: 12, year: yearOf(period) - 1 } : { month: month - 1, year: yearOf(period) };
}

function person(ctx: WriterContext, skipSecretary = true): string {
  const pool = skipSecretary && ctx.people.length > 2 ? ctx.people.slice(1) : ctx.people;
  return ctx.random.pick(pool);
}
function street(ctx: WriterContext): string {
  return ctx.random.pick(ctx.streets);
}
function alley(ctx: WriterContext): string {
  const r = ctx.random;
  return r.chance(0.6) ? `ngõ ${r.int(2, 60) * 2}` : `ngách ${r.int(3, 60)}/${r.int(2, 40)}`;
}
function day(ctx: WriterContext, min = 3, max = 25): string {
  return `${ctx.random.int(min, max)}/${monthOf(ctx.period)}`;
}
function dayFull(ctx: WriterContext, min = 3, max = 25): string {
  return `${day(ctx, min, max)}/${yearOf(ctx.period)}`;
}
const int = (ctx: WriterContext, min: number, max: number) => ctx.random.int(min, max);
const money = (ctx: WriterContext, min: number, max: number) => `${ctx.random.int(min, max)}${ctx.random.chance(0.4) ? `,${ctx.random.int(1, 9)}` : ""} triệu đồng`;
const residentialGroup = (ctx: WriterContext) => (ctx.kind === "RURAL" ? ctx.branchName.replace(/^Chi bộ /, "") : `tổ dân phố số ${ctx.branchName.match(/\d+/)?.[0] ?? int(ctx, 1, 30)}`);
function deadline(ctx: WriterContext): string {
  return ctx.random.pick([`hoàn thành trước ngày ${dayFull(ctx, 10, 28)}`, `xong trước ngày ${day(ctx, 8, 25)}`, `chậm nhất ngày ${day(ctx, 12, 28)}`, `trước ngày ${day(ctx, 5, 20)}`]);
}
function assignee(ctx: WriterContext, role?: string): string {
  const name = person(ctx);
  const roles = role ? [role] : ["chi ủy viên", "Tổ trưởng tổ dân phố", "Trưởng ban công tác Mặt trận", "Phó Bí thư chi bộ", "đảng viên", "Chi hội trưởng Hội Cựu chiến binh", "Chi hội trưởng Phụ nữ"];
  return ctx.random.pick([`giao đồng chí ${name}, ${ctx.random.pick(roles)}, phụ trách`, `đồng chí ${name} chịu trách nhiệm`, `giao đồng chí ${name} chủ trì`]);
}

// ---- the month's guidance --------------------------------------------------

export const GUIDANCE_TOPICS: TopicDef[] = [
  {
    key: "pccc",
    title: "Phòng cháy, chữa cháy mùa hanh khô",
    details: "Tăng cường công tác phòng cháy, chữa cháy tại khu dân cư, nhà ở kết hợp kinh doanh, nhà trọ; kiểm tra điện sinh hoạt, trang bị bình chữa cháy.",
    keywords: ["phòng cháy", "chữa cháy", "PCCC", "bình chữa cháy"],
    months: [1, 2, 3, 10, 11, 12],
    task: (ctx) => ctx.random.pick([() => `Phối hợp Công an phường kiểm tra an toàn phòng cháy, chữa cháy tại ${int(ctx, 8, 40)} hộ kinh doanh, nhà trọ trên phố ${street(ctx)}; vận động thêm ${int(ctx, 10, 60)} hộ trang bị bình chữa cháy; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Rà soát ${int(ctx, 5, 20)} hộ kinh doanh kết hợp để ở tại ${alley(ctx)}, hướng dẫn lắp lối thoát nạn thứ hai; vận động ${int(ctx, 10, 50)} hộ mua bình chữa cháy mini qua Ban công tác Mặt trận; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Tăng cường công tác phòng cháy, chữa cháy tại khu dân cư.",
  },
  {
    key: "tet",
    title: "Chăm lo Tết cho gia đình chính sách, hộ khó khăn",
    details: "Rà soát, lập danh sách gia đình chính sách, hộ nghèo, hộ cận nghèo, người có hoàn cảnh khó khăn để thăm hỏi, tặng quà dịp Tết Nguyên đán; không để hộ nào không có Tết.",
    keywords: ["Tết", "quà Tết", "gia đình chính sách", "hộ khó khăn"],
    months: [12, 1],
    task: (ctx) => ctx.random.pick([() => `Rà soát, lập danh sách ${int(ctx, 6, 25)} gia đình chính sách và hộ có hoàn cảnh khó khăn đề nghị phường tặng quà Tết; tổ chức thăm hỏi ${int(ctx, 3, 12)} đảng viên cao tuổi ốm đau; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Trao ${int(ctx, 5, 20)} suất quà Tết (mỗi suất ${int(ctx, 3, 8)}00.000 đồng) cho hộ nghèo, cận nghèo của ${residentialGroup(ctx)}; đến thăm ${int(ctx, 2, 8)} gia đình chính sách; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Làm tốt công tác chăm lo Tết cho gia đình chính sách, hộ khó khăn.",
  },
  {
    key: "quy-ngheo",
    title: "Vận động ủng hộ quỹ Vì người nghèo",
    details: "Đẩy mạnh vận động cán bộ, đảng viên và nhân dân ủng hộ quỹ Vì người nghèo, quỹ Đền ơn đáp nghĩa, hoàn thành chỉ tiêu được giao.",
    keywords: ["quỹ Vì người nghèo", "Vì người nghèo", "Đền ơn đáp nghĩa"],
    months: [9, 10, 11, 12],
    task: (ctx) => ctx.random.pick([() => `Vận động đảng viên và nhân dân ủng hộ quỹ Vì người nghèo, phấn đấu đạt ${money(ctx, 8, 40)} (${int(ctx, 100, 130)}% chỉ tiêu); ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Quỹ Vì người nghèo: chi bộ phấn đấu mỗi đảng viên ủng hộ ít nhất ${int(ctx, 1, 5)}00.000 đồng, tổng số ${money(ctx, 5, 30)}; ${assignee(ctx)} tổng hợp, nộp phường ${deadline(ctx)}.`])(),
    restated: "Đẩy mạnh vận động ủng hộ quỹ Vì người nghèo.",
  },
  {
    key: "rac",
    title: "Phân loại rác thải sinh hoạt tại nguồn",
    details: "Tuyên truyền, hướng dẫn nhân dân phân loại rác thải sinh hoạt tại nguồn, bỏ rác đúng giờ, đúng nơi quy định; xử lý các điểm đổ trộm phế thải.",
    keywords: ["phân loại rác", "rác thải", "phế thải"],
    months: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    task: (ctx) => ctx.random.pick([() => `Hướng dẫn ${int(ctx, 30, 150)} hộ tại ${alley(ctx)} phố ${street(ctx)} phân loại rác thải tại nguồn, xóa điểm đổ trộm phế thải cạnh ${ctx.random.pick(["chợ", "bãi đất trống", "điểm trông xe", "vườn hoa"])} ${street(ctx)}; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Lắp ${int(ctx, 2, 6)} cụm thùng phân loại rác thải tại ${alley(ctx)} và cổng Nhà văn hóa ${residentialGroup(ctx)}; phân công ${int(ctx, 3, 8)} đảng viên hướng dẫn các hộ; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Tiếp tục tuyên truyền nhân dân phân loại rác thải tại nguồn.",
  },
  {
    key: "kiem-diem",
    title: "Kiểm điểm, đánh giá, xếp loại tổ chức đảng và đảng viên cuối năm",
    details: "Chuẩn bị chu đáo nội dung kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm; đảng viên viết bản tự kiểm điểm gắn với trách nhiệm nêu gương.",
    keywords: ["kiểm điểm", "xếp loại", "đánh giá, xếp loại"],
    months: [11, 12],
    task: (ctx) => ctx.random.pick([() => `Hướng dẫn ${ctx.memberCount} đảng viên viết bản tự kiểm điểm, hoàn thành trước ngày ${day(ctx, 5, 12)}; tổ chức hội nghị kiểm điểm, đánh giá, xếp loại đảng viên vào ngày ${day(ctx, 14, 22)}; giao đồng chí ${ctx.people[0]}, Bí thư chi bộ, chủ trì.`, () => `Kiểm điểm, đánh giá, xếp loại đảng viên năm ${yearOf(ctx.period)}: ${ctx.memberCount} đồng chí nộp bản tự kiểm điểm trước ngày ${day(ctx, 5, 12)}; chi ủy dự kiến xếp loại, báo cáo Đảng ủy ${ctx.wardWord} ngày ${day(ctx, 20, 26)}; đồng chí ${ctx.people[0]} chịu trách nhiệm.`])(),
    restated: "Thực hiện nghiêm túc việc kiểm điểm, đánh giá, xếp loại đảng viên cuối năm.",
  },
  {
    key: "sot-xuat-huyet",
    title: "Phòng, chống dịch sốt xuất huyết",
    details: "Ra quân diệt bọ gậy, loăng quăng, vệ sinh môi trường; giám sát các ổ dịch, không để dịch lây lan trong cộng đồng.",
    keywords: ["sốt xuất huyết", "bọ gậy", "loăng quăng"],
    months: [6, 7, 8, 9, 10],
    task: (ctx) => ctx.random.pick([() => `Tổ chức ${int(ctx, 2, 4)} đợt ra quân diệt bọ gậy, loăng quăng tại ${alley(ctx)} và khu vực ${ctx.random.pick(["công trình xây dựng", "bãi xe", "vườn hoa"])} phố ${street(ctx)}; kiểm tra ${int(ctx, 40, 160)} hộ gia đình; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Kiểm tra ${int(ctx, 30, 150)} hộ, lật úp dụng cụ chứa nước, thả cá diệt bọ gậy ở bể nước tại ${alley(ctx)}; phối hợp Trạm Y tế phun hóa chất nếu có ca bệnh; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Chủ động phòng, chống dịch sốt xuất huyết.",
  },
  {
    key: "via-he",
    title: "Trật tự đô thị, lấn chiếm vỉa hè",
    details: "Vận động hộ kinh doanh không lấn chiếm vỉa hè, lòng đường; phối hợp lực lượng chức năng giải tỏa các điểm vi phạm kéo dài.",
    keywords: ["vỉa hè", "lấn chiếm", "trật tự đô thị"],
    months: [3, 4, 5, 6, 7, 8, 9],
    task: (ctx) => ctx.random.pick([() => `Vận động ${int(ctx, 10, 45)} hộ kinh doanh trên phố ${street(ctx)} ký cam kết không lấn chiếm vỉa hè; phối hợp Đội trật tự đô thị giải tỏa điểm trông giữ xe trái phép tại ${alley(ctx)}; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Giải tỏa ${int(ctx, 3, 12)} điểm bày bán hàng lấn chiếm lòng đường tại phố ${street(ctx)}, kẻ vạch sơn trông giữ xe đúng quy định; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Tăng cường công tác quản lý trật tự đô thị, lòng đường, vỉa hè.",
  },
  {
    key: "so-tay",
    title: "Sử dụng Sổ tay đảng viên điện tử",
    details: "Vận động đảng viên cài đặt, sử dụng Sổ tay đảng viên điện tử trong sinh hoạt chi bộ; tài liệu sinh hoạt gửi qua ứng dụng.",
    keywords: ["Sổ tay đảng viên", "sổ tay điện tử"],
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    task: (ctx) => ctx.random.pick([() => `Hướng dẫn ${int(ctx, 2, 8)} đảng viên còn lại cài đặt Sổ tay đảng viên điện tử, gửi tài liệu sinh hoạt tháng qua ứng dụng trước ngày ${day(ctx, 2, 8)}; giao đồng chí ${person(ctx)} hỗ trợ trực tiếp các đồng chí cao tuổi.`, () => `Sổ tay đảng viên điện tử: ${int(ctx, 1, 5)} đồng chí chưa cài đặt sẽ được hỗ trợ tại nhà; chi ủy gửi nghị quyết và tài liệu tháng qua ứng dụng trước ngày ${day(ctx, 2, 8)}; giao đồng chí ${person(ctx)} theo dõi.`])(),
    restated: "Tiếp tục vận động đảng viên sử dụng Sổ tay đảng viên điện tử.",
  },
  {
    key: "bau-cu",
    title: "Tuyên truyền bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp",
    details: "Tuyên truyền sâu rộng về cuộc bầu cử; rà soát danh sách cử tri, bảo đảm quyền bầu cử của công dân.",
    keywords: ["bầu cử", "cử tri"],
    months: [1, 2, 3],
    task: (ctx) => ctx.random.pick([() => `Rà soát danh sách cử tri của ${residentialGroup(ctx)} (${int(ctx, 400, 1400)} cử tri), niêm yết tại Nhà văn hóa; treo ${int(ctx, 10, 40)} băng rôn, cờ tuyên truyền bầu cử trên phố ${street(ctx)}; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Tổ chức ${int(ctx, 2, 4)} buổi tiếp xúc, tuyên truyền về bầu cử tại Nhà văn hóa ${residentialGroup(ctx)}; kiểm tra lại danh sách ${int(ctx, 300, 1200)} cử tri, bổ sung người mới chuyển đến; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Làm tốt công tác tuyên truyền bầu cử.",
  },
  {
    key: "mua-bao",
    title: "Phòng, chống mưa bão, úng ngập",
    details: "Kiểm tra, chằng chống cây xanh, biển quảng cáo; khơi thông cống rãnh, chuẩn bị phương án ứng phó úng ngập cục bộ.",
    keywords: ["mưa bão", "úng ngập", "ngập úng", "cống rãnh"],
    months: [5, 6, 7, 8, 9],
    task: (ctx) => ctx.random.pick([() => `Khơi thông ${int(ctx, 2, 8)} tuyến cống rãnh tại ${alley(ctx)} phố ${street(ctx)}, chằng chống ${int(ctx, 5, 30)} cây xanh có nguy cơ đổ; lập danh sách ${int(ctx, 3, 15)} hộ ở nhà xuống cấp cần di dời khi có bão; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Phát quang, cắt tỉa ${int(ctx, 5, 25)} cây xanh trên phố ${street(ctx)}, kiểm tra ${int(ctx, 3, 12)} biển quảng cáo; chuẩn bị ${int(ctx, 10, 40)} bao cát tại điểm trũng ${alley(ctx)}; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Chủ động phòng, chống mưa bão, úng ngập.",
  },
  {
    key: "dich-vu-cong",
    title: "Dịch vụ công trực tuyến và định danh điện tử",
    details: "Hướng dẫn nhân dân kích hoạt tài khoản định danh điện tử VNeID, sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt.",
    keywords: ["dịch vụ công", "VNeID", "định danh điện tử"],
    months: [4, 5, 6, 7, 8, 9, 10],
    task: (ctx) => ctx.random.pick([() => `Phối hợp Đoàn thanh niên hướng dẫn ${int(ctx, 20, 90)} người dân kích hoạt tài khoản định danh điện tử VNeID mức 2, nộp hồ sơ dịch vụ công trực tuyến tại Nhà văn hóa ${residentialGroup(ctx)}; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Mở ${int(ctx, 2, 5)} buổi "bình dân học vụ số" hướng dẫn ${int(ctx, 20, 80)} người cao tuổi dùng VNeID và dịch vụ công trực tuyến; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Đẩy mạnh sử dụng dịch vụ công trực tuyến.",
  },
  {
    key: "he",
    title: "Tổ chức hoạt động hè cho thiếu nhi",
    details: "Tổ chức sân chơi, hoạt động hè an toàn, lành mạnh cho thiếu nhi tại cộng đồng; phòng, chống đuối nước.",
    keywords: ["hoạt động hè", "thiếu nhi", "đuối nước"],
    months: [6, 7, 8],
    task: (ctx) => ctx.random.pick([() => `Tổ chức lớp dạy bơi và ${int(ctx, 2, 5)} buổi sinh hoạt hè cho ${int(ctx, 30, 120)} cháu thiếu nhi tại Nhà văn hóa ${residentialGroup(ctx)}; ${assignee(ctx)}, ${deadline(ctx)}.`, () => `Khai mạc sân chơi hè tại Nhà văn hóa ${residentialGroup(ctx)} với ${int(ctx, 30, 120)} cháu, tổ chức ${int(ctx, 2, 5)} buổi tuyên truyền phòng chống đuối nước; ${assignee(ctx)}, ${deadline(ctx)}.`])(),
    restated: "Quan tâm tổ chức hoạt động hè cho thiếu nhi.",
  },
];

/** The district board's guidance for a period: three topics of the season. */
export function guidanceTopicsFor(period: string, random: Random): TopicDef[] {
  const month = monthOf(period);
  const inSeason = GUIDANCE_TOPICS.filter((topic) => topic.months.includes(month) && topic.key !== "so-tay");
  const chosen: TopicDef[] = [];
  const pool = [...inSeason];
  while (chosen.length < 2 && pool.length) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  if (random.chance(0.5)) chosen.push(GUIDANCE_TOPICS.find((topic) => topic.key === "so-tay")!);
  else if (pool.length) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return chosen;
}

// ---- letterhead, legal bases, closing (the mandatory form) ---------------

function header(ctx: WriterContext): string[] {
  const { month, year } = previousMonth(ctx.period);
  return [
    `ĐẢNG BỘ ${ctx.wardWord.toUpperCase()} ${ctx.wardShort.toUpperCase()}`,
    ctx.branchName.toUpperCase(),
    `Số: ${ctx.number}-NQ/CB`,
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    `${ctx.wardShort}, ngày ${ctx.writtenDay} tháng ${month} năm ${year}`,
    "",
    "NGHỊ QUYẾT",
    `Hội nghị chi bộ thường kỳ tháng ${monthOf(ctx.period)} năm ${yearOf(ctx.period)}`,
    "",
    "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "- Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/10/2022 của Ban Tổ chức Trung ương về nâng cao chất lượng sinh hoạt chi bộ;",
    `- Căn cứ nghị quyết, chương trình công tác tháng ${monthOf(ctx.period)} của Đảng ủy ${ctx.wardWord} ${ctx.wardShort} và tình hình thực tế của chi bộ,`,
    "",
    "CHI BỘ QUYẾT NGHỊ",
    "",
  ];
}

function closing(ctx: WriterContext, extra: string[] = []): string[] {
  return [
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "- Chi ủy chi bộ có trách nhiệm cụ thể hóa, tổ chức triển khai thực hiện Nghị quyết; các đồng chí đảng viên trong chi bộ nghiêm túc thực hiện.",
    ...extra,
    `- Nghị quyết được hội nghị chi bộ thông qua với …/${ctx.memberCount} đồng chí tán thành, đạt …%.`,
    "",
    "Nơi nhận:",
    `- Đảng ủy ${ctx.wardWord} (để báo cáo);`,
    "- Đảng viên trong chi bộ (để thực hiện);",
    "- Lưu chi bộ.",
    "",
    "T/M CHI BỘ",
    "BÍ THƯ",
    ctx.people[0],
  ];
}

// ---- last month's results ----------------------------------------------------

type Sentence = (ctx: WriterContext, month: number) => string;

const RESULTS_COMMON: Sentence[] = [
  (c, m) =>
    c.random.pick([
      `Chi bộ duy trì sinh hoạt thường kỳ tháng ${m} đúng quy định, có ${c.memberCount - int(c, 0, 4)}/${c.memberCount} đảng viên dự (${int(c, 88, 100)}%); ${int(c, 2, 6)} ý kiến phát biểu đóng góp vào nghị quyết.`,
      `Hội nghị chi bộ tháng ${m} có ${c.memberCount - int(c, 0, 4)} đồng chí dự, ${int(c, 0, 3)} đồng chí vắng có lý do; không khí dân chủ, ${int(c, 2, 6)} đồng chí phát biểu.`,
      `Tỷ lệ đảng viên dự sinh hoạt đạt ${int(c, 88, 100)}%, cao hơn tháng trước; đồng chí ${person(c)} nêu ý kiến về ${c.random.pick(["chỗ để xe", "điện chiếu sáng", "vệ sinh ngõ", "an ninh khu phố"])}.`,
    ]),
  (c) =>
    c.random.pick([
      `Đã vận động thêm ${int(c, 1, 6)} đảng viên cài đặt Sổ tay đảng viên điện tử, nâng số đảng viên sử dụng lên ${c.memberCount - int(c, 0, 5)}/${c.memberCount} đồng chí.`,
      `Sổ tay đảng viên điện tử: ${c.memberCount - int(c, 0, 5)} đồng chí đã dùng, tài liệu sinh hoạt gửi trước ${int(c, 2, 4)} ngày qua ứng dụng.`,
    ]),
  (c) => c.random.pick([`Thu đảng phí tháng đạt ${int(c, 96, 100)}%, nộp Đảng ủy ${c.wardWord} đúng hạn ngày ${int(c, 5, 10)}.`, `Đảng phí thu đủ ${int(c, 96, 100)}%, đồng chí ${person(c)} đã nộp về Đảng ủy ngày ${int(c, 5, 10)}.`]),
  (c) => `Đồng chí ${person(c)} hoàn thành chương trình bồi dưỡng lý luận chính trị dành cho đảng viên mới, đạt loại ${c.random.pick(["khá", "giỏi"])}.`,
];

const RESULTS_BY_KIND: Record<BranchKind, Sentence[]> = {
  RESIDENTIAL: [
    (c) => `Sửa chữa xong ${int(c, 20, 80)} m rãnh thoát nước tại ${alley(c)}, kinh phí ${money(c, 10, 60)} do nhân dân đóng góp.`,
    (c) => `Câu lạc bộ dưỡng sinh của ${residentialGroup(c)} duy trì ${int(c, 20, 60)} hội viên; ${int(c, 5, 15)} cụ tham gia hội thao người cao tuổi của phường.`,
    (c) => `Giải quyết kiến nghị của ${int(c, 5, 25)} hộ về tiếng ồn của ${c.random.pick(["quán karaoke", "xưởng mộc", "cửa hàng sửa xe"])} trên phố ${street(c)}; chủ cơ sở đã cam kết.`,
    (c) => `Đón ${int(c, 2, 9)} hộ mới chuyển đến ${c.random.pick(["chung cư", "khu tập thể", "dãy nhà"])} ${street(c)}, ${int(c, 1, 3)} đảng viên chuyển sinh hoạt về chi bộ.`,
    (c, m) => `Lãnh đạo ${residentialGroup(c)} tổ chức tổng vệ sinh môi trường tại ${alley(c)} phố ${street(c)}, có ${int(c, 40, 160)} hộ tham gia, thu gom khoảng ${int(c, 3, 15)} m3 rác thải, phế thải (tháng ${m}).`,
    (c) => `Thăm hỏi, tặng quà ${int(c, 3, 14)} hộ gia đình chính sách, người cao tuổi ốm đau với tổng trị giá ${money(c, 2, 12)}.`,
    (c) => `Phối hợp Công an phường rà soát ${int(c, 10, 40)} hộ cho thuê trọ trên phố ${street(c)}, phát hiện ${int(c, 1, 6)} trường hợp chưa khai báo tạm trú, đã yêu cầu bổ sung.`,
    (c) => `Hòa giải thành ${int(c, 1, 3)} vụ tranh chấp lối đi chung tại ${alley(c)} phố ${street(c)}, không để phát sinh khiếu kiện vượt cấp.`,
    (c) => `Hoàn thành thu thuế sử dụng đất phi nông nghiệp đạt ${int(c, 85, 100)}% (${int(c, 120, 420)} hộ); còn ${int(c, 3, 20)} hộ chưa nộp.`,
    (c) => `Tổ chức ${int(c, 1, 3)} buổi tuyên truyền về an toàn giao thông và phòng chống ma túy tại Nhà văn hóa ${residentialGroup(c)}, có ${int(c, 45, 130)} lượt người dự.`,
    (c) => `Vận động ${int(c, 5, 25)} hộ kinh doanh trên phố ${street(c)} thu dọn hàng hóa lấn chiếm vỉa hè; lắp mới ${int(c, 2, 8)} đèn chiếu sáng ngõ xóm từ nguồn xã hội hóa ${money(c, 3, 20)}.`,
    (c) => `Ban công tác Mặt trận tổ chức mừng thọ ${int(c, 4, 18)} cụ tròn 70, 75, 80, 85, 90 tuổi; Chi hội Phụ nữ giúp ${int(c, 1, 4)} hội viên vay vốn ${money(c, 20, 80)}.`,
  ],
  RURAL: [
    (c) => `Hoàn thành gieo cấy ${int(c, 20, 90)} ha lúa vụ ${c.random.pick(["xuân", "mùa"])}, đạt ${int(c, 95, 100)}% kế hoạch; ${int(c, 5, 20)} ha rau màu.`,
    (c) => `Nạo vét ${int(c, 300, 1500)} m kênh mương nội đồng tại ${residentialGroup(c)}; bê tông hóa ${int(c, 100, 600)} m đường trục thôn.`,
    (c) => `Thăm hỏi ${int(c, 3, 12)} hộ gia đình chính sách, hộ nghèo với tổng trị giá ${money(c, 2, 10)}; giúp ${int(c, 1, 3)} hộ cận nghèo vay vốn.`,
    (c) => `Tiêm phòng cho ${int(c, 300, 1500)} con gia súc, gia cầm; không để xảy ra dịch bệnh.`,
    (c) => `Thu các khoản đóng góp xây dựng nhà văn hóa thôn đạt ${int(c, 70, 100)}% (${money(c, 20, 90)}).`,
  ],
  OFFICE: [
    (c) => `Cơ quan giải quyết ${int(c, 180, 620)} hồ sơ thủ tục hành chính, ${int(c, 96, 100)}% đúng hạn; tiếp nhận ${int(c, 40, 180)} hồ sơ dịch vụ công trực tuyến.`,
    (c) => `Tổ chức ${int(c, 2, 5)} cuộc đối thoại với nhân dân về dự án chỉnh trang phố ${street(c)}, tiếp thu ${int(c, 6, 25)} ý kiến.`,
    (c) => `Hoàn thành báo cáo sơ kết công tác tháng gửi Quận ủy đúng hạn; xử lý ${int(c, 4, 15)} đơn thư, ${int(c, 3, 12)} đơn đã giải quyết dứt điểm.`,
    (c) => `Đồng chí ${person(c)} tham gia lớp tập huấn chuyển đổi số ${int(c, 2, 5)} ngày do Quận tổ chức.`,
  ],
  POLICE: [
    (c) => `Tiếp nhận ${int(c, 4, 20)} tin báo tố giác tội phạm, xác minh, xử lý ${int(c, 3, 18)} tin; bắt ${int(c, 1, 5)} đối tượng trộm cắp tài sản trên địa bàn phố ${street(c)}.`,
    (c) => `Kiểm tra an toàn phòng cháy, chữa cháy ${int(c, 20, 70)} cơ sở kinh doanh, xử phạt ${int(c, 2, 9)} trường hợp vi phạm với số tiền ${money(c, 10, 60)}.`,
    (c) => `Cấp ${int(c, 150, 600)} căn cước cho công dân; kích hoạt ${int(c, 200, 900)} tài khoản định danh điện tử mức 2.`,
    (c) => `Tuần tra, kiểm soát ${int(c, 20, 60)} ca; xử lý ${int(c, 15, 80)} trường hợp vi phạm trật tự an toàn giao thông tại nút giao ${street(c)} – ${street(c)}.`,
  ],
  MILITARY: [
    (c) => `Hoàn thành đăng ký nghĩa vụ quân sự cho ${int(c, 20, 70)} thanh niên tuổi 17; khám sơ tuyển ${int(c, 15, 50)} công dân.`,
    (c) => `Duy trì trực sẵn sàng chiến đấu ${int(c, 28, 31)}/${int(c, 30, 31)} ngày; huấn luyện dân quân ${int(c, 3, 6)} buổi, ${int(c, 90, 100)}% quân số tham gia.`,
    (c) => `Phối hợp Công an phường tuần tra ${int(c, 8, 20)} ca đêm tại khu vực ${c.random.pick(["bãi sông", "chân cầu", "khu công nghiệp"])} ${street(c)}.`,
  ],
  CLINIC: [
    (c) => `Khám, điều trị cho ${int(c, 600, 1800)} lượt người; tiêm chủng mở rộng cho ${int(c, 80, 260)} trẻ, đạt ${int(c, 95, 100)}% kế hoạch.`,
    (c) => `Giám sát ${int(c, 2, 10)} ca sốt xuất huyết, xử lý ổ dịch tại ${alley(c)} phố ${street(c)}; phun hóa chất ${int(c, 100, 400)} hộ.`,
    (c) => `Kiểm tra an toàn thực phẩm ${int(c, 10, 35)} cơ sở kinh doanh ăn uống, nhắc nhở ${int(c, 2, 8)} cơ sở.`,
    (c) => `Khám sức khỏe định kỳ cho ${int(c, 120, 400)} người cao tuổi, lập hồ sơ quản lý ${int(c, 30, 90)} bệnh nhân tăng huyết áp.`,
  ],
  SCHOOL: [
    (c) => `Nhà trường duy trì sĩ số ${int(c, 400, 1300)} học sinh, tỷ lệ chuyên cần ${int(c, 96, 100)}%; ${int(c, 5, 25)} học sinh đạt giải cấp quận.`,
    (c) => `Tổ chức ${int(c, 6, 20)} tiết thao giảng, dự giờ; ${int(c, 2, 8)} giáo viên đạt giáo viên dạy giỏi cấp trường.`,
    (c) => `Bếp ăn bán trú phục vụ ${int(c, 300, 900)} suất mỗi ngày, kiểm thực ba bước đầy đủ; không có ca ngộ độc thực phẩm.`,
    (c) => `Vận động phụ huynh ủng hộ ${money(c, 5, 30)} mua sắm thiết bị dạy học; hỗ trợ ${int(c, 3, 15)} học sinh có hoàn cảnh khó khăn.`,
  ],
  FRONT: [
    (c) => `Mặt trận và các đoàn thể tổ chức ${int(c, 2, 6)} hoạt động nhân đạo, trao ${int(c, 10, 50)} suất quà trị giá ${money(c, 5, 30)}.`,
    (c) => `Hội Cựu chiến binh kết nạp ${int(c, 1, 5)} hội viên mới; Đoàn thanh niên ra quân ${int(c, 2, 5)} buổi tình nguyện tại phố ${street(c)}.`,
    (c) => `Tiếp nhận ${int(c, 5, 20)} ý kiến, kiến nghị của cử tri, chuyển ${int(c, 3, 15)} kiến nghị đến cơ quan có thẩm quyền.`,
  ],
  ENTERPRISE: [
    (c) => `Doanh nghiệp đạt doanh thu ${int(c, 2, 40)} tỷ đồng, bảo đảm việc làm cho ${int(c, 30, 250)} lao động, thu nhập bình quân ${int(c, 8, 15)} triệu đồng/người/tháng.`,
    (c) => `Nộp ngân sách ${money(c, 200, 900)}, đóng bảo hiểm xã hội đầy đủ cho ${int(c, 30, 250)} người lao động.`,
    (c) => `Tổ chức ${int(c, 1, 3)} buổi tập huấn an toàn lao động cho ${int(c, 30, 150)} công nhân; không có tai nạn lao động.`,
  ],
};

const WEAKNESSES: Sentence[] = [
  (c) => `Việc sửa chữa ${int(c, 20, 90)} m rãnh thoát nước tại ${alley(c)} chưa làm được vì chưa bố trí kinh phí.`,
  (c) => `Chưa hoàn thành thu quỹ ${c.random.pick(["Đền ơn đáp nghĩa", "phòng chống thiên tai", "khuyến học"])}, còn ${int(c, 5, 30)} hộ chưa đóng góp.`,
  (c) => `Đồng chí ${person(c)} được giao theo dõi ${alley(c)} nhưng chưa báo cáo kịp thời tình hình ${int(c, 2, 6)} hộ mới chuyển đến.`,
  (c) => `Còn ${int(c, 5, 30)} hộ chưa phân loại rác tại nguồn, tập trung ở ${alley(c)} phố ${street(c)}.`,
  (c) => `Tình trạng đỗ xe lấn chiếm vỉa hè trên phố ${street(c)} chưa được giải quyết dứt điểm.`,
  (c) => `${int(c, 1, 3)} đảng viên vắng sinh hoạt không lý do; việc nắm tình hình tư tưởng của đảng viên cao tuổi chưa thường xuyên.`,
  (c) => `Tiến độ thu quỹ, các khoản đóng góp mới đạt ${int(c, 50, 80)}%, chậm so với kế hoạch.`,
  (c) => `Một số đảng viên chưa gửi tài liệu qua Sổ tay đảng viên điện tử; ${int(c, 2, 6)} đồng chí cao tuổi chưa biết sử dụng.`,
];

const CAUSES = [
  "Nguyên nhân chính: chưa có người theo dõi riêng từng ngõ, kinh phí xã hội hóa chưa huy động đủ.",
  "Nguyên nhân là nhiều hộ đi làm cả ngày, việc gặp gỡ, vận động phải làm vào buổi tối.",
  "Nguyên nhân: chi ủy chưa phân công theo dõi cụ thể từng việc, việc kiểm tra, đôn đốc chưa kịp thời.",
  "Nguyên nhân: một bộ phận nhân dân chưa có ý thức tự giác; lực lượng nòng cốt ở tổ dân phố còn mỏng.",
  "Nguyên nhân: số đảng viên cao tuổi đông, điều kiện đi lại khó khăn; việc phối hợp với các đoàn thể có lúc chưa chặt chẽ.",
  "Nguyên nhân: khối lượng công việc lớn, thời gian triển khai ngắn.",
];

// ---- the coming month's tasks -----------------------------------------------

const TASKS_BY_KIND: Record<BranchKind, Sentence[]> = {
  RESIDENTIAL: [
    (c) => `Tổ chức tổng vệ sinh tại ${alley(c)} phố ${street(c)} vào sáng Chủ nhật ngày ${day(c, 5, 26)}, huy động ít nhất ${int(c, 40, 120)} hộ; ${assignee(c, "Tổ trưởng tổ dân phố")}.`,
    (c) => `Hoàn thành thu thuế phi nông nghiệp đối với ${int(c, 3, 20)} hộ còn lại; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Giải quyết dứt điểm điểm tập kết phế thải xây dựng cạnh ${c.random.pick(["cổng chợ", "trạm biến áp", "Nhà văn hóa"])} phố ${street(c)}; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Thăm hỏi ${int(c, 2, 8)} đảng viên cao tuổi ốm đau, tặng quà ${int(c, 2, 6)} hộ cận nghèo, mỗi suất ${int(c, 3, 10)}00.000 đồng; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Vận động ${int(c, 5, 20)} hộ tại ${alley(c)} lắp đèn chiếu sáng và camera an ninh, phấn đấu lắp ${int(c, 2, 6)} camera; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Rà soát ${int(c, 10, 40)} hộ cho thuê trọ, cập nhật tạm trú trên phố ${street(c)}; phối hợp Công an phường, ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Lấy ý kiến ${int(c, 30, 120)} hộ về phương án sửa mái Nhà văn hóa ${residentialGroup(c)}, dự toán ${money(c, 40, 150)}; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Đề nghị phường cắt tỉa cây, thay ${int(c, 2, 6)} bóng đèn hỏng trên phố ${street(c)}; ${assignee(c)} gửi văn bản ${deadline(c)}.`,
    (c) => `Mời Công an khu vực nói chuyện về lừa đảo qua mạng cho ${int(c, 30, 80)} người cao tuổi vào tối ngày ${day(c, 8, 25)}; ${assignee(c)}.`,
  ],
  RURAL: [
    (c) => `Chỉ đạo thu hoạch và làm đất vụ sau trên diện tích ${int(c, 20, 80)} ha; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Nạo vét ${int(c, 200, 900)} m mương tưới tiêu cánh đồng ${c.random.pick(["Đồng Sau", "Bãi Giữa", "Cửa Đình", "Gò Me"])}; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Vận động ${int(c, 20, 80)} hộ đóng góp xây dựng đường ngõ xóm, phấn đấu ${money(c, 20, 120)}; ${assignee(c)}, ${deadline(c)}.`,
  ],
  OFFICE: [
    (c) => `Giải quyết thủ tục hành chính đúng hạn trên ${int(c, 96, 99)}%, không để hồ sơ quá hạn; giao đồng chí ${person(c)}, Trưởng bộ phận một cửa, theo dõi hằng tuần.`,
    (c) => `Hoàn thành báo cáo tổng kết công tác năm gửi Quận ủy ${deadline(c)}; giao đồng chí ${person(c)} chủ trì xây dựng dự thảo.`,
    (c) => `Tổ chức đối thoại với nhân dân về chỉnh trang phố ${street(c)} vào ngày ${day(c, 10, 25)}; ${assignee(c)}.`,
  ],
  POLICE: [
    (c) => `Mở đợt cao điểm tấn công trấn áp tội phạm từ ngày ${day(c, 1, 10)} đến ngày ${day(c, 20, 28)}; ${assignee(c, "Phó Trưởng Công an phường")}.`,
    (c) => `Kiểm tra phòng cháy, chữa cháy ${int(c, 20, 60)} cơ sở karaoke, nhà trọ trên phố ${street(c)}; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Cấp căn cước và kích hoạt định danh điện tử cho ${int(c, 100, 400)} công dân còn lại; ${assignee(c)}, ${deadline(c)}.`,
  ],
  MILITARY: [
    (c) => `Hoàn thành hồ sơ gọi công dân nhập ngũ cho ${int(c, 8, 25)} công dân; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Huấn luyện dân quân thường trực ${int(c, 3, 6)} buổi, bảo đảm ${int(c, 95, 100)}% quân số; ${assignee(c)}.`,
  ],
  CLINIC: [
    (c) => `Tiêm chủng mở rộng cho ${int(c, 80, 250)} trẻ theo lịch, phấn đấu đạt ${int(c, 95, 100)}%; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Khám sàng lọc bệnh không lây nhiễm cho ${int(c, 100, 350)} người cao tuổi tại Nhà văn hóa ${street(c)}; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Kiểm tra an toàn thực phẩm ${int(c, 10, 30)} bếp ăn tập thể, cơ sở kinh doanh ăn uống; ${assignee(c)}, ${deadline(c)}.`,
  ],
  SCHOOL: [
    (c) => `Tổ chức kiểm tra cuối kỳ cho ${int(c, 400, 1200)} học sinh từ ngày ${day(c, 10, 18)}; ${assignee(c, "Phó Hiệu trưởng")}.`,
    (c) => `Bồi dưỡng ${int(c, 10, 40)} học sinh giỏi, phụ đạo ${int(c, 10, 40)} học sinh chưa đạt chuẩn; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Kiểm tra hồ sơ chuyên môn của ${int(c, 10, 40)} giáo viên; ${assignee(c, "Tổ trưởng chuyên môn")}, ${deadline(c)}.`,
  ],
  FRONT: [
    (c) => `Tổ chức Ngày hội Đại đoàn kết ở ${int(c, 3, 10)} khu dân cư; ${assignee(c)}, ${deadline(c)}.`,
    (c) => `Tổng hợp ${int(c, 10, 40)} ý kiến cử tri gửi Hội đồng nhân dân phường; ${assignee(c)}, ${deadline(c)}.`,
  ],
  ENTERPRISE: [
    (c) => `Phấn đấu doanh thu tháng ${int(c, 3, 45)} tỷ đồng; ${assignee(c, "Phó Giám đốc")}, báo cáo chi bộ ngày ${day(c, 25, 28)}.`,
    (c) => `Trả lương, thưởng đầy đủ cho ${int(c, 30, 250)} lao động ${deadline(c)}; ${assignee(c)}.`,
  ],
};

const PARTY_TASKS: Sentence[] = [
  (c) => `Giới thiệu quần chúng ${c.random.pick(["Nguyễn Thị Minh Thu", "Trần Văn Khải", "Lê Thị Hồng Nhung", "Phạm Đức Anh", "Đỗ Thị Thu Hà", "Vũ Minh Quân"])} tham gia lớp bồi dưỡng nhận thức về Đảng; giao đồng chí ${person(c)} giúp đỡ, hoàn thành hồ sơ ${deadline(c)}.`,
  (c) => `Thu đảng phí đầy đủ, nộp Đảng ủy ${c.wardWord} trước ngày ${day(c, 5, 10)}; giao đồng chí ${person(c)}, chi ủy viên, phụ trách.`,
  (c) => `Tổ chức sinh hoạt chuyên đề về ${c.random.pick(["học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "trách nhiệm nêu gương của đảng viên", "xây dựng tổ dân phố văn minh"])} vào ngày ${day(c, 15, 26)}; giao đồng chí ${person(c)} chuẩn bị nội dung.`,
];

// Phrases of the formalistic drafts and of the template that circulates.
const GENERIC_RESULTS = [
  "Chi bộ đã lãnh đạo đảng viên thực hiện tốt các chủ trương của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương.",
  "Công tác tư tưởng được quan tâm; đảng viên chấp hành nghiêm Điều lệ Đảng, giữ gìn phẩm chất, đạo đức, lối sống.",
  "Các đoàn thể hoạt động có hiệu quả, phát huy vai trò trong vận động nhân dân.",
  "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định.",
  "Công tác vệ sinh môi trường được duy trì thường xuyên.",
  "Sinh hoạt chi bộ được duy trì nền nếp, nội dung sinh hoạt có đổi mới.",
];
const GENERIC_WEAKNESSES = [
  "Một số đảng viên chưa phát huy hết vai trò tiên phong, gương mẫu.",
  "Việc thực hiện một số nhiệm vụ còn chậm so với yêu cầu.",
  "Nguyên nhân chủ yếu là do công tác kiểm tra, đôn đốc có lúc chưa thường xuyên.",
];
const GENERIC_TASKS = [
  "Tiếp tục quán triệt, triển khai thực hiện nghiêm túc các chỉ thị, nghị quyết của cấp trên.",
  "Đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
  "Tăng cường công tác giáo dục chính trị tư tưởng, nâng cao chất lượng sinh hoạt chi bộ.",
  "Thực hiện tốt công tác vệ sinh môi trường, giữ gìn trật tự an toàn xã hội trên địa bàn.",
  "Quan tâm chăm lo đời sống các gia đình chính sách, hộ có hoàn cảnh khó khăn.",
  "Phát huy vai trò của Mặt trận và các đoàn thể trong vận động nhân dân.",
  "Làm tốt công tác thu đảng phí và các loại quỹ theo quy định.",
  "Duy trì nền nếp sinh hoạt chi bộ, nâng cao tính lãnh đạo, tính giáo dục, tính chiến đấu.",
];

// Tasks without who and by when (the "lacking responsibilities and deadlines" drafts).
const VAGUE_TASKS: Record<BranchKind, string[]> = {
  RESIDENTIAL: [
    "Tổ chức tổng vệ sinh môi trường các ngõ, xóm trên địa bàn.",
    "Đôn đốc các hộ còn nợ thuế phi nông nghiệp hoàn thành nghĩa vụ.",
    "Xử lý điểm tập kết phế thải xây dựng trên địa bàn tổ dân phố.",
    "Thăm hỏi đảng viên cao tuổi ốm đau, các hộ cận nghèo.",
    "Vận động nhân dân lắp đèn chiếu sáng và camera an ninh.",
  ],
  RURAL: ["Chỉ đạo sản xuất vụ mới đúng khung thời vụ.", "Nạo vét kênh mương nội đồng.", "Vận động nhân dân đóng góp làm đường ngõ xóm."],
  OFFICE: ["Giải quyết thủ tục hành chính đúng hạn.", "Xây dựng báo cáo tổng kết công tác năm.", "Tổ chức đối thoại với nhân dân."],
  POLICE: ["Mở đợt cao điểm tấn công trấn áp tội phạm.", "Kiểm tra phòng cháy, chữa cháy các cơ sở kinh doanh.", "Đẩy nhanh cấp căn cước cho công dân."],
  MILITARY: ["Chuẩn bị hồ sơ gọi công dân nhập ngũ.", "Duy trì huấn luyện dân quân thường trực."],
  CLINIC: ["Thực hiện tiêm chủng mở rộng theo kế hoạch.", "Khám sàng lọc bệnh không lây nhiễm cho người cao tuổi.", "Kiểm tra an toàn thực phẩm."],
  SCHOOL: ["Tổ chức kiểm tra cuối kỳ nghiêm túc.", "Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu.", "Kiểm tra hồ sơ chuyên môn của giáo viên."],
  FRONT: ["Tổ chức Ngày hội Đại đoàn kết ở khu dân cư.", "Tổng hợp ý kiến, kiến nghị của cử tri."],
  ENTERPRISE: ["Phấn đấu hoàn thành kế hoạch doanh thu.", "Bảo đảm việc làm, thu nhập cho người lao động."],
};

// Secretaries write in their own words: the same facts come out in different
// phrasing from one branch to the next, as real drafts do.
const PARAPHRASES: [RegExp, string[]][] = [
  [/\bTổ chức (?=tổng|\d|lớp|Ngày|đối|kiểm|sinh)/g, ["Tổ chức ", "Triển khai ", "Phát động ", "Chủ động tổ chức "]],
  [/\bvận động\b/g, ["vận động", "tuyên truyền, vận động", "động viên", "vận động, thuyết phục"]],
  [/\bVận động\b/g, ["Vận động", "Tuyên truyền, vận động", "Động viên", "Tiếp tục vận động"]],
  [/\bhộ gia đình\b/g, ["hộ gia đình", "gia đình", "hộ dân"]],
  [/\bphụ trách\b/g, ["phụ trách", "trực tiếp phụ trách", "chịu trách nhiệm chính", "phụ trách, đôn đốc"]],
  [/\bchủ trì\b/g, ["chủ trì", "chủ trì thực hiện", "làm đầu mối", "chủ trì, phối hợp"]],
  [/\bhoàn thành trước ngày\b/g, ["hoàn thành trước ngày", "xong trước ngày", "hoàn thành chậm nhất ngày", "báo cáo kết quả trước ngày"]],
  [/\bphối hợp\b/g, ["phối hợp", "phối hợp chặt chẽ với", "cùng", "phối hợp với"]],
  [/\btrên phố\b/g, ["trên phố", "tại phố", "dọc phố", "khu vực phố"]],
  [/\btại (?=ngõ|ngách|Nhà|phố)/g, ["tại ", "ở ", "trong "]],
  [/\brà soát\b/g, ["rà soát", "kiểm tra, rà soát", "thống kê", "rà soát lại"]],
  [/\bRà soát\b/g, ["Rà soát", "Kiểm tra, rà soát", "Thống kê", "Khẩn trương rà soát"]],
  [/\bthăm hỏi\b/g, ["thăm hỏi", "thăm, động viên", "đến thăm", "thăm hỏi, động viên"]],
  [/\bThăm hỏi\b/g, ["Thăm hỏi", "Thăm, động viên", "Đến thăm", "Tổ chức thăm hỏi"]],
  [/\btặng quà\b/g, ["tặng quà", "trao quà", "hỗ trợ quà", "tặng"]],
  [/\bngười dân\b/g, ["người dân", "nhân dân", "bà con", "công dân"]],
  [/\btham gia\b/g, ["tham gia", "tham dự", "cùng tham gia", "có mặt"]],
  [/\bkiểm tra\b/g, ["kiểm tra", "kiểm tra thực tế", "đi kiểm tra", "trực tiếp kiểm tra"]],
  [/\blập danh sách\b/g, ["lập danh sách", "thống kê danh sách", "tổng hợp danh sách"]],
  [/\bgiao đồng chí\b/g, ["giao đồng chí", "phân công đồng chí", "giao cho đồng chí", "chi bộ giao đồng chí"]],
  [/\bvào sáng Chủ nhật\b/g, ["vào sáng Chủ nhật", "sáng Chủ nhật", "vào ngày nghỉ cuối tuần", "vào buổi sáng"]],
  [/\bhuy động\b/g, ["huy động", "phấn đấu có", "bảo đảm", "huy động được"]],
  [/\bphấn đấu\b/g, ["phấn đấu", "cố gắng", "quyết tâm", "phấn đấu để"]],
  [/\bít nhất\b/g, ["ít nhất", "tối thiểu", "không dưới"]],
  [/\bHoàn thành\b/g, ["Hoàn thành", "Hoàn tất", "Làm xong", "Dứt điểm hoàn thành"]],
  [/\btổng vệ sinh\b/g, ["tổng vệ sinh", "vệ sinh môi trường", "dọn vệ sinh chung", "ra quân vệ sinh"]],
  [/\bđồng chí (?=[A-ZĐ])/g, ["đồng chí ", "đồng chí ", "đ/c "]],
  [/\bchịu trách nhiệm\b/g, ["chịu trách nhiệm", "chịu trách nhiệm thực hiện", "nhận trách nhiệm"]],
  [/\bđề nghị\b/g, ["đề nghị", "đề xuất", "báo cáo đề nghị"]],
  [/\bcác hộ\b/g, ["các hộ", "những hộ", "các gia đình"]],
  [/\bkhoảng\b/g, ["khoảng", "gần", "trên"]],
  [/\bđã yêu cầu\b/g, ["đã yêu cầu", "đã đề nghị", "đã hướng dẫn"]],
];

/** Rewrites common phrases with one of their equivalents, chosen at random for each occurrence. */
function paraphrase(text: string, random: Random): string {
  let result = text;
  for (const [pattern, choices] of PARAPHRASES) result = result.replace(pattern, () => random.pick(choices));
  return result;
}

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return chosen;
}

export type DraftStyle = "GROUNDED" | "VAGUE" | "TEMPLATE" | "PREVIOUS";

/**
 * A branch's own draft. "GROUNDED" names who does what by when, with figures
 * and places; "VAGUE" assesses last month concretely but sets tasks without
 * responsibilities or deadlines. `skipTopics` leaves guidance topics out.
 */
export function writeOwnDraft(ctx: WriterContext, topics: TopicDef[], style: "GROUNDED" | "VAGUE", options: { skipTopics?: number; restateTopics?: boolean } = {}): string {
  const r = ctx.random;
  const { month } = previousMonth(ctx.period);
  const results = [...pickSome(r, RESULTS_BY_KIND[ctx.kind], r.int(2, 4)), ...pickSome(r, RESULTS_COMMON, r.int(1, 2))].map((sentence) => `- ${sentence(ctx, month)}`);
  const weaknesses = pickSome(r, WEAKNESSES, r.int(1, 2)).map((sentence) => `- ${sentence(ctx, month)}`);
  const lines = [...header(ctx), `I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG ${month}/${previousMonth(ctx.period).year}`, "1. Ưu điểm", ...results, "2. Hạn chế, khuyết điểm và nguyên nhân", ...weaknesses, r.pick(CAUSES), ""];
  lines.push(`II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG ${monthOf(ctx.period)}/${yearOf(ctx.period)}`, "1. Nhiệm vụ trọng tâm");
  const kept = topics.slice(0, Math.max(0, topics.length - (options.skipTopics ?? 0)));
  for (const topic of kept) lines.push(`- ${style === "VAGUE" || options.restateTopics ? topic.restated : topic.task(ctx)}`);
  lines.push("2. Nhiệm vụ cụ thể");
  if (style === "GROUNDED") {
    for (const sentence of pickSome(r, TASKS_BY_KIND[ctx.kind], r.int(2, 3))) lines.push(`- ${sentence(ctx, month)}`);
    for (const sentence of pickSome(r, PARTY_TASKS, r.int(1, 2))) lines.push(`- ${sentence(ctx, month)}`);
  } else {
    for (const task of pickSome(r, VAGUE_TASKS[ctx.kind], r.int(2, 3))) lines.push(`- ${task}`);
    for (const task of pickSome(r, GENERIC_TASKS, 2)) lines.push(`- ${task}`);
  }
  const extra = style === "GROUNDED" ? [`- Giao đồng chí ${person(ctx)}, Phó Bí thư chi bộ, theo dõi, đôn đốc, báo cáo kết quả tại hội nghị chi bộ tháng ${monthOf(ctx.period) === 12 ? 1 : monthOf(ctx.period) + 1}.`] : [];
  const head = header(ctx);
  const own = lines.slice(head.length).map((line) => (line.startsWith("- ") ? paraphrase(line, r) : line));
  return [...head, ...own, ...closing(ctx, extra)].join("\n");
}

/** The template circulating in a district in a period: formalistic, the same for everyone who copies it. */
export function districtTemplate(period: string, random: Random): string[] {
  const results = pickSome(random, GENERIC_RESULTS, 5);
  const weaknesses = pickSome(random, GENERIC_WEAKNESSES, 2);
  const tasks = pickSome(random, GENERIC_TASKS, 7);
  const { month, year } = previousMonth(period);
  return [
    `I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG ${month}/${year}`,
    "1. Ưu điểm",
    `- Trong tháng ${month}, dưới sự lãnh đạo của Đảng ủy phường, chi bộ đã bám sát nhiệm vụ chính trị, lãnh đạo hoàn thành các chỉ tiêu, nhiệm vụ đề ra.`,
    ...results.map((text) => `- ${text}`),
    "2. Hạn chế, khuyết điểm và nguyên nhân",
    ...weaknesses.map((text) => `- ${text}`),
    "",
    `II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG ${monthOf(period)}/${yearOf(period)}`,
    ...tasks.map((text) => `- ${text}`),
    "- Chuẩn bị tốt nội dung sinh hoạt chi bộ tháng sau.",
  ];
}

/** A copy of the circulating template with the branch's letterhead, a sentence dropped or added. */
export function writeTemplateCopy(ctx: WriterContext, template: string[]): string {
  const body = template.filter((line, i) => !(line.startsWith("- ") && i > 3 && ctx.random.chance(0.08)));
  if (ctx.random.chance(0.4)) body.splice(body.length - 1, 0, `- ${ctx.random.pick(GENERIC_TASKS)}`);
  return [...header(ctx), ...body, ...closing(ctx)].join("\n");
}

/** Last month's draft with the month numbers moved on and a line or two touched. */
export function writePreviousCopy(previousBody: string, ctx: WriterContext): string {
  const month = monthOf(ctx.period);
  const year = yearOf(ctx.period);
  const prev = previousMonth(ctx.period);
  const prevPrev = prev.month === 1 ? { month: 12, year: prev.year - 1 } : { month: prev.month - 1, year: prev.year };
  const lines = previousBody.split("\n").map((line) =>
    line
      .replace(new RegExp(`THÁNG ${prev.month}/${prev.year}`, "g"), `THÁNG ${month}/${year}`)
      .replace(new RegExp(`THÁNG ${prevPrev.month}/${prevPrev.year}`, "g"), `THÁNG ${prev.month}/${prev.year}`)
      .replace(new RegExp(`tháng ${prev.month} năm ${prev.year}`, "g"), `tháng ${month} năm ${year}`)
      .replace(/^(Số: )\d+/, `$1${ctx.number}`)
      .replace(/ngày \d+ tháng \d+ năm \d+/, `ngày ${ctx.writtenDay} tháng ${prev.month} năm ${prev.year}`)
      .replace(new RegExp(`/${prev.month}(?=[/;,.\\s)])`, "g"), `/${month}`),
  );
  const bullets = lines.map((line, i) => (line.startsWith("- ") ? i : -1)).filter((i) => i > 12);
  if (bullets.length) {
    const i = ctx.random.pick(bullets);
    lines[i] = lines[i].replace(/\d+/, (value) => String(Number(value) + ctx.random.int(1, 5)));
  }
  return lines.join("\n");
}

/**
 * The revision after the board asked for changes: vague tasks get a person
 * and a deadline, copies are rewritten as the branch's own draft.
 */
export function writeRevision(body: string, style: DraftStyle, ctx: WriterContext, topics: TopicDef[]): string {
  if (style === "TEMPLATE" || style === "PREVIOUS") return writeOwnDraft(ctx, topics, "GROUNDED");
  const lines = body.split("\n");
  const taskStart = lines.findIndex((line) => line.startsWith("II. "));
  const taskEnd = lines.findIndex((line) => line.startsWith("III. "));
  return lines
    .map((line, i) => {
      if (i <= taskStart || i >= taskEnd || !line.startsWith("- ")) return line;
      const topic = topics.find((candidate) => candidate.restated === line.slice(2));
      if (topic) return `- ${topic.task(ctx)}`;
      return `${line.replace(/\.$/, "")}; ${assignee(ctx)}, ${deadline(ctx)}.`;
    })
    .join("\n");
}

/** A task line the reviewer comments on (one without a person or a deadline), or null. */
export function vagueTaskLine(body: string): string | null {
  const lines = body.split("\n");
  const taskStart = lines.findIndex((line) => line.startsWith("II. "));
  const taskEnd = lines.findIndex((line) => line.startsWith("III. "));
  const vague = lines.slice(taskStart + 1, taskEnd).filter((line) => line.startsWith("- ") && !/đồng chí|trước ngày|chậm nhất|xong trước|hoàn thành trước/.test(line));
  return vague[0]?.slice(2) ?? null;
}

export const LONG_BIEN_STREETS: Record<string, string[]> = {
  BD: ["Nguyễn Văn Cừ", "Bồ Đề", "Nguyễn Sơn", "Hồng Tiến", "Long Biên 1", "Hoàng Như Tiếp"],
  CK: ["Cự Khối", "Thạch Cầu", "Bát Khối", "Lý Sơn"],
  DG: ["Đức Giang", "Ngô Gia Tự", "Trường Lâm", "Phú Viên"],
  GT: ["Gia Thụy", "Nguyễn Văn Cừ", "Đoàn Khuê", "Lê Mật"],
  GB: ["Giang Biên", "Vũ Đức Thận", "Hoàng Minh Đạo", "Trường Lâm"],
  LB: ["Long Biên 2", "Ngọc Trì", "Vạn Hạnh", "Cổ Linh"],
  NL: ["Ngọc Lâm", "Nguyễn Văn Cừ", "Long Biên 1", "Lâm Hạ"],
  NT: ["Ngọc Thụy", "Tình Quang", "Hồng Tiến", "Lâm Du"],
  PD: ["Phúc Đồng", "Chu Huy Mân", "Nguyễn Văn Linh", "Hoàng Như Tiếp"],
  PL: ["Phúc Lợi", "Vũ Đức Thận", "Hoa Lâm", "Mai Phúc"],
  SD: ["Sài Đồng", "Vũ Xuân Thiều", "Nguyễn Văn Linh", "Hoa Lâm"],
  TB: ["Thạch Bàn", "Cổ Linh", "Trần Danh Tuyên", "Nguyễn Lam"],
  TT: ["Thượng Thanh", "Ngô Gia Tự", "Đức Giang", "Phạm Khắc Quảng"],
  VH: ["Việt Hưng", "Hoa Lâm", "Đoàn Khuê", "Trường Lâm"],
};

export const COMMON_STREETS = ["Trần Phú", "Lê Lợi", "Nguyễn Trãi", "Quang Trung", "Lý Thường Kiệt", "Hai Bà Trưng", "Lê Duẩn", "Trần Hưng Đạo", "Nguyễn Du", "Phan Chu Trinh", "Hoàng Hoa Thám", "Tô Hiệu", "Phùng Hưng", "Ngô Quyền", "Lê Văn Lương"];
