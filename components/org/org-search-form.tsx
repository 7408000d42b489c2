export function OrgSearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/org" method="get" role="search" className="filters" style={{ marginBottom: 0 }}>
      <div className="field">
        <label htmlFor="org-q">Tìm đơn vị (gõ có dấu hoặc không dấu)</label>
        <input id="org-q" name="q" type="search" defaultValue={defaultValue} placeholder="Ví dụ: thuong thanh, tổ dân phố số 5" maxLength={100} />
      </div>
      <button className="button button-secondary" type="submit">Tìm</button>
    </form>
  );
}
