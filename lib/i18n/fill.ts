/** "已导入 {n} 个车场" + { n: 3 } → "已导入 3 个车场". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
