import { closeTestDb, testDb } from "../support/db";
import { getSetting, getSettings } from "@/lib/settings/app-settings";
import { FEEDBACK_ACK_DAYS, RESUBMIT_DAYS, SUBMISSION_DEADLINE_DAY } from "@/lib/drafts/settings";
import { MISSING_MEETING_DEADLINE_DAY } from "@/lib/meetings/settings";

afterAll(closeTestDb);

class RolledBack extends Error {}

// Pages read several settings in one query; each value must still be the one getSetting gives,
// in the order asked, with the default for a missing or no longer valid row.
describe("several settings in one read", () => {
  it("gives each value in the order asked, the default when absent or invalid", async () => {
    const asked = [RESUBMIT_DAYS, SUBMISSION_DEADLINE_DAY, MISSING_MEETING_DEADLINE_DAY, FEEDBACK_ACK_DAYS] as const;
    expect(await getSettings(asked)).toEqual(await Promise.all(asked.map((definition) => getSetting(definition))));

    // Inside a transaction that is rolled back, so that suites running beside this one never see the values.
    let seen: unknown;
    await testDb()
      .$transaction(async (tx) => {
        await tx.appSetting.deleteMany({ where: { key: { in: asked.map((definition) => definition.key) } } });
        await tx.appSetting.create({ data: { key: RESUBMIT_DAYS.key, value: 7 } });
        await tx.appSetting.create({ data: { key: SUBMISSION_DEADLINE_DAY.key, value: 99 } }); // out of 1–28
        await tx.appSetting.create({ data: { key: FEEDBACK_ACK_DAYS.key, value: "5" } });
        seen = await getSettings(asked, tx);
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(seen).toEqual([7, SUBMISSION_DEADLINE_DAY.defaultValue, MISSING_MEETING_DEADLINE_DAY.defaultValue, 5]);
  });
});
