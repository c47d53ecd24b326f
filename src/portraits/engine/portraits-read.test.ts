import { describe, expect, it } from 'vitest';
import { sourcesFor } from '../definitions/index.js';
import { portraitsRead } from './portraits-read.js';
import type { SourceDef } from './source-types.js';

const source = (from: string): SourceDef => ({ code: 's', subject: 'feeder', from, key: 'x.k', keyType: 'text' });
const earlier = ['customer', 'employee', 'transformer_area'] as const;

describe('portraitsRead', () => {
  it('finds what the shipped definitions read', () => {
    expect(portraitsRead(sourcesFor('customer'), [])).toEqual([]);
    expect(portraitsRead(sourcesFor('employee'), ['customer'])).toEqual([]);
    expect(portraitsRead(sourcesFor('feeder'), [...earlier])).toEqual(['customer', 'employee']);
  });

  it('takes subject_portrait as the kinds named, or every earlier kind when none is', () => {
    expect(
      portraitsRead(
        [source("(SELECT * FROM subject_portrait sp WHERE sp.subject_kind = 'transformer_area') x")],
        earlier,
      ),
    ).toEqual(['transformer_area']);
    expect(portraitsRead([source('(SELECT * FROM subject_portrait) x')], earlier)).toEqual([...earlier]);
  });

  it('takes any other portrait table as every earlier kind', () => {
    expect(portraitsRead([source('(SELECT * FROM portrait_note) x')], earlier)).toEqual([...earlier]);
    expect(portraitsRead([source('trace t')], earlier)).toEqual([]);
  });
});
