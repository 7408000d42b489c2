import { PeriodField } from "@/components/ui/period-field";

type Props = { action: string; periods: string[]; period: string; keep: Record<string, string | undefined> };

/** Month picker: a plain GET form, so the month stays in the URL and works without JavaScript. */
export function PeriodForm({ action, periods, period, keep }: Props) {
  return (
    <form method="get" action={action} className="stats-period no-print">
      <PeriodField id="stats-period" className={null} label="Tháng" labelHidden periods={periods} value={period} />
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <button type="submit" className="button button-secondary">
        Xem
      </button>
    </form>
  );
}
