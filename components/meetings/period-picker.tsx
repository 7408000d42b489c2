import { addMonths, type Period } from "@/lib/periods/period";
import { PeriodField } from "@/components/ui/period-field";

type Props = { period: Period; latest: Period; months?: number; hidden?: Record<string, string | number | undefined>; label?: string; extra?: React.ReactNode };

/** A GET form: choose the month (works without JavaScript); other filters ride along as hidden fields. */
export function PeriodPicker({ period, latest, months = 24, hidden = {}, label = "Tháng", extra }: Props) {
  const options = Array.from({ length: months }, (_, i) => addMonths(latest, -i));
  if (!options.includes(period)) options.push(period);
  return (
    <form className="filters" method="get">
      {Object.entries(hidden).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={String(value)} />))}
      <PeriodField id="f-period" className="field field-period" label={label} periods={options} value={period} />
      {extra}
      <button type="submit" className="button button-secondary">
        Xem
      </button>
    </form>
  );
}
