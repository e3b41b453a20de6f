import { describe, expect, it } from 'vitest';
import { displayView } from './views/display.ts';
import { counterView } from './views/counter.ts';
import { restoreState, serializeState } from './snapshot.ts';
import { TestOffice, testConfig } from './testOffice.ts';

describe('state snapshots', () => {
  it('restore to a state that decides exactly like the original', () => {
    const o = new TestOffice();
    o.login('c1', 'k1', ['pa']);
    o.issue(['pa']);
    o.issue(['um']);
    o.callNext('c1');
    o.ok({ type: 'issuing.set', enabled: false, serviceId: 'fs' });
    const restored = restoreState(testConfig(), serializeState(o.state));
    expect(serializeState(restored)).toEqual(serializeState(o.state));
    expect(displayView(restored, o.now)).toEqual(displayView(o.state, o.now));
    expect(counterView(restored, 'c1', o.now)).toEqual(counterView(o.state, 'c1', o.now));
    expect(restored.issuing.disabledServices.has('fs')).toBe(true);
  });
});
