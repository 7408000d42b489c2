import Link from "next/link";

export type Crumb = { label: string; href?: string };

function Breadcrumb({ items }: { items: Crumb[] }) {
  if (!items.length) return null;
  return (
    <nav aria-label="Vị trí">
      <ol className="breadcrumb">
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`}>{item.href ? <Link href={item.href}>{item.label}</Link> : <span aria-current={i === items.length - 1 ? "page" : undefined}>{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

type Props = { title: React.ReactNode; description?: React.ReactNode; breadcrumb?: Crumb[]; actions?: React.ReactNode };

export function PageHeader({ title, description, breadcrumb, actions }: Props) {
  return (
    <>
      {breadcrumb ? <Breadcrumb items={breadcrumb} /> : null}
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {description ? <p>{description}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
    </>
  );
}
