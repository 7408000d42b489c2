import { describeMinutesMismatch, minutesMismatches, statedAttendance } from "@/lib/meetings/minutes-check";

const recorded = { present: 51, expected: 57, excused: 4, unexcused: 2 };

describe("minutes that contradict the roll call", () => {
  it("reads the figures the minutes state, in the ways secretaries write them", () => {
    expect(statedAttendance("Chi bộ sinh hoạt thường kỳ. Có mặt 53/57 đảng viên phải dự, 3 vắng có lý do, 1 vắng không lý do.")).toEqual({ present: 53, expected: 57, excused: 3, unexcused: 1 });
    expect(statedAttendance("Có mặt: 30 đồng chí. Vắng có lý do: 2.")).toEqual({ present: 30, excused: 2 });
    expect(statedAttendance("Chi bộ thống nhất tổng vệ sinh ngõ 12 trước ngày 15.")).toEqual({});
  });

  it("warns when attendance was changed after the minutes were written (53/57 written, 51/57 recorded)", () => {
    const mismatches = minutesMismatches("Có mặt 53/57 đảng viên phải dự, 4 vắng có lý do, 2 vắng không lý do.", recorded);
    expect(mismatches).toEqual([{ field: "present", stated: 53, recorded: 51 }]);
    expect(describeMinutesMismatch(mismatches)).toBe("Biên bản ghi có mặt 53 (điểm danh ghi 51). Sửa biên bản hoặc điểm danh cho khớp.");
  });

  it("says nothing when they agree or the minutes state no figure", () => {
    expect(minutesMismatches("Có mặt 51/57 đảng viên phải dự, 4 vắng có lý do, 2 vắng không lý do.", recorded)).toEqual([]);
    expect(minutesMismatches("Chi bộ họp bàn công tác tháng 12.", recorded)).toEqual([]);
    expect(minutesMismatches(null, recorded)).toEqual([]);
    expect(describeMinutesMismatch([])).toBeNull();
  });
});
