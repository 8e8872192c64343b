import { describe, expect, it } from 'vitest';
import { FAMILIES, generateTasks } from '../../../../models/action/tasks/generate.ts';
import type { TaskVariation } from '../../../../models/action/tasks/types.ts';

describe('task generation', () => {
  it('is deterministic: the same arguments give identical tasks', () => {
    const a = generateTasks({ split: 'train', seed: 7, count: 2 * FAMILIES.length });
    const b = generateTasks({ split: 'train', seed: 7, count: 2 * FAMILIES.length });
    expect(b).toEqual(a);
    const c = generateTasks({ split: 'train', seed: 8, count: 2 * FAMILIES.length });
    expect(c.map((t) => t.html)).not.toEqual(a.map((t) => t.html));
  });

  it('covers every family, with a self-contained page and an instruction', () => {
    const tasks = generateTasks({ split: 'test', seed: 1, count: FAMILIES.length });
    expect(tasks.map((t) => t.family)).toEqual([...FAMILIES]);
    for (const t of tasks) {
      expect(t.instruction.length).toBeGreaterThan(3);
      expect(t.html).toContain('window.operantTask');
      expect(t.html).not.toMatch(/\b(?:src|href)=["']?https?:/);
      expect(t.window.x + t.viewport.width).toBeLessThanOrEqual(1280);
    }
  });

  it('keeps themes, fonts, layouts, widget and button styles and phrasings of the test split out of training', () => {
    const collect = (split: 'train' | 'test') => {
      const seen: Record<keyof TaskVariation, Set<string>> = { theme: new Set(), font: new Set(), layout: new Set(), widget: new Set(), buttons: new Set(), phrasing: new Set() };
      for (const seed of [1, 2, 3]) {
        for (const t of generateTasks({ split, seed, count: 20 * FAMILIES.length })) {
          for (const k of Object.keys(seen) as (keyof TaskVariation)[]) seen[k].add(t.variation[k]);
        }
      }
      return seen;
    };
    const train = collect('train');
    const test = collect('test');
    for (const k of Object.keys(train) as (keyof TaskVariation)[]) {
      expect(test[k].size, `test ${k} values`).toBeGreaterThan(1);
      expect([...test[k]].filter((v) => train[k].has(v)), `test ${k} values also used in training`).toEqual([]);
    }
  });

  it('filters by family and rejects bad arguments with a message that names the fix', () => {
    const only = generateTasks({ split: 'train', seed: 3, count: 4, families: [FAMILIES[1]!] });
    expect(new Set(only.map((t) => t.family))).toEqual(new Set([FAMILIES[1]]));
    expect(() => generateTasks({ split: 'train', seed: 1, count: 1, families: ['nope'] })).toThrow(/unknown task family nope; known: /);
    expect(() => generateTasks({ split: 'dev' as 'train', seed: 1, count: 1 })).toThrow(/use "train" or "test"/);
    expect(() => generateTasks({ split: 'train', seed: 1, count: -1 })).toThrow(/count must be/);
  });
});
