/** The plain table shell the admin pages share: a header row, body rows, an empty line. */
export function DataTable({
  headers,
  empty,
  children,
  rowCount,
}: {
  headers: React.ReactNode[];
  empty: string;
  rowCount: number;
  children: React.ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 ? (
            <tr>
              <td colSpan={headers.length} className="px-3 py-10 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export const rowClass = "border-b border-slate-100 align-top last:border-0 hover:bg-slate-50";
export const cellClass = "whitespace-nowrap px-2 py-1.5";
