import fs from "node:fs";
import path from "node:path";

/** Every page.tsx and route.ts under app/, as URL patterns: route groups dropped, dynamic segments kept. */
export function appRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      else if (/^(page|route)\.tsx?$/.test(entry.name)) found.push(`/${segments.join("/")}`);
    }
  };
  walk(path.resolve("app"), []);
  return found.sort();
}
