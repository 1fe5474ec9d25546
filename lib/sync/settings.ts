/** Settings row that holds the pause switch: while true, workers claim nothing. */
export const PAUSED_SETTING = "sync.paused";
