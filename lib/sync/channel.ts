/**
 * The PostgreSQL NOTIFY channel that wakes sync workers: the booking statement, resends and
 * resume notify it (delivered on commit); every worker LISTENs on it, polling as a backstop.
 */
export const SYNC_CHANNEL = "wechat_sync";
