export function BrandMark({ size = 30 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="rgba(255,255,255,0.14)" />
      <path d="M32 11l5.9 12.6 13.8 1.6-10.2 9.4 2.7 13.6L32 41.4l-12.2 6.8 2.7-13.6-10.2-9.4 13.8-1.6z" fill="#f4c430" />
    </svg>
  );
}
