// The fault suite runs the production build, as operators do; build it once if it is missing or stale.
import { buildIsStale, runBuild } from "@/lib/server/build";

export default function setup() {
  if (buildIsStale()) {
    console.log("fault suite: building the production bundle first …");
    runBuild();
  }
}
