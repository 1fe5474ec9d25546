// A global pace for calls to WeChat: at most `perSecond`, halved on every 429 and held for the
// time WeChat asked, then recovering by 10 % per successful call.
export class RateLimiter {
  private rate: number;
  private nextSlot = 0;
  private holdUntil = 0;

  constructor(private readonly maxPerSecond: number) {
    this.rate = maxPerSecond;
  }

  get currentRate() {
    return this.rate;
  }

  /** Resolves when the caller may send. */
  async take(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot, this.holdUntil);
    this.nextSlot = slot + 1000 / this.rate;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  rateLimited(retryAfterSec: number | null) {
    this.rate = Math.max(1, this.rate / 2);
    this.holdUntil = Math.max(this.holdUntil, Date.now() + Math.max(1000, (retryAfterSec ?? 0) * 1000));
  }

  succeeded() {
    this.rate = Math.min(this.maxPerSecond, this.rate * 1.1);
  }
}
