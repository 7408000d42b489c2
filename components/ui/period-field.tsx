import { formatPeriod } from "@/lib/format/date";

type Props = {
  id: string;
  periods: readonly string[];
  value: string;
  label?: string;
  labelHidden?: boolean;
  /** Adds an empty first choice (every month), e.g. "Tất cả các kỳ". */
  anyLabel?: string;
  /** The wrapper's class; `null` renders the label and select without one (inline forms). */
  className?: string | null;
};

/** The month field of the GET filter forms: a labelled select named "period", months written out in Vietnamese. */
export function PeriodField({ id, periods, value, label = "Kỳ", labelHidden = false, anyLabel, className = "field" }: Props) {
  const field = (
    <>
      <label htmlFor={id} className={labelHidden ? "visually-hidden" : undefined}>
        {label}
      </label>
      <select id={id} name="period" defaultValue={value}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {periods.map((period) => (
          <option key={period} value={period}>
            {formatPeriod(period)}
          </option>
        ))}
      </select>
    </>
  );
  return className === null ? field : <div className={className}>{field}</div>;
}
