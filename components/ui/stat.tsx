type Props = { label: string; value: React.ReactNode; note?: React.ReactNode; accent?: boolean };

export function Stat({ label, value, note, accent }: Props) {
  return (
    <div className={`stat${accent ? " stat-accent" : ""}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {note ? <div className="stat-note">{note}</div> : null}
    </div>
  );
}
