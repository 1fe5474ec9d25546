// The fault suite runs the production build, as operators do; build it once if it is missing or stale.
import fs from "node:fs";
import { buildIsStale, runBuild } from "@/lib/server/build";
import { LOG_DIR } from "./app";

export default function setup() {
  fs.rmSync(LOG_DIR, { recursive: true, force: true }); // each run's app logs, and only its own
  if (buildIsStale()) {
    console.log("fault suite: building the production bundle first …");
    runBuild();
  }
}
