import { describe, expect, it } from 'vitest';
import { preloadWhenIdle } from './idle-preload';

/** A hand-driven clock and timer queue: runs due callbacks when time is advanced. */
function fakeTime() {
  let time = 0;
  let queue: { at: number; run: () => void }[] = [];
  return {
    now: () => time,
    schedule: (run: () => void, ms: number) => void queue.push({ at: time + ms, run }),
    advance(ms: number) {
      const until = time + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const due = queue[0];
        if (due === undefined || due.at > until) break;
        queue = queue.slice(1);
        time = due.at;
        due.run();
      }
      time = until;
    },
  };
}

describe('preloadWhenIdle', () => {
  it('waits for quiet time, never runs while a request is in flight, and runs one step per turn', () => {
    const clock = fakeTime();
    const ran: string[] = [];
    let busy = false;
    let last = 0;
    preloadWhenIdle({
      steps: [
        () => {
          ran.push('a');
          last = clock.now(); // a request arrived during this step and was answered after it
        },
        () => ran.push('b'),
        () => ran.push('c'),
      ],
      busy: () => busy,
      lastActivity: () => last,
      idleMs: 1000,
      now: clock.now,
      schedule: clock.schedule,
    });
    clock.advance(900);
    last = 900; // a request arrived and finished
    clock.advance(200);
    expect(ran).toEqual([]);
    busy = true;
    clock.advance(5000);
    expect(ran).toEqual([]); // quiet for long, but a request is still in flight
    busy = false;
    last = clock.now();
    clock.advance(999);
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(ran).toEqual(['a']);
    clock.advance(999);
    expect(ran).toEqual(['a']);
    // Quiet again: the remaining steps follow one another, each in its own turn.
    clock.advance(1);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('skips a step that throws and stops when cancelled', () => {
    const clock = fakeTime();
    const ran: string[] = [];
    const preload = preloadWhenIdle({
      steps: [
        () => {
          throw new Error('no such package');
        },
        () => {
          ran.push('b');
          preload.cancel();
        },
        () => ran.push('c'),
      ],
      busy: () => false,
      lastActivity: () => 0,
      idleMs: 100,
      now: clock.now,
      schedule: clock.schedule,
    });
    clock.advance(100);
    expect(ran).toEqual(['b']);
    clock.advance(1000);
    expect(ran).toEqual(['b']);
  });
});
