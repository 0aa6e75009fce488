/**
 * A session's own clock: it starts at the charge point's clock and advances by simulated seconds,
 * while waiting only `seconds / timeScale` of real time. Sleeps can be interrupted (remote stop).
 */
export class SimulatedTime {
  private elapsed = 0;
  private wake?: () => void;
  private interrupted = false;

  constructor(
    private readonly start: Date,
    private readonly timeScale: number,
  ) {}

  get elapsedS(): number {
    return this.elapsed;
  }

  now(): Date {
    return new Date(this.start.getTime() + Math.round(this.elapsed * 1000));
  }

  /** Waits `seconds` of simulated time; returns how many actually passed (fewer if interrupted). */
  async sleep(seconds: number): Promise<number> {
    if (this.interrupted || seconds <= 0) return 0;
    const realMs = (seconds * 1000) / this.timeScale;
    const began = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, realMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
    const passed = this.interrupted
      ? Math.min(seconds, ((performance.now() - began) * this.timeScale) / 1000)
      : seconds;
    this.elapsed += passed;
    return passed;
  }

  /** Ends the current and every later sleep at once. */
  interrupt(): void {
    this.interrupted = true;
    this.wake?.();
  }
}
