import { describe, expect, it } from 'vitest';
import { ALL_FAMILIES } from '../../../../models/action/tasks/families/index.ts';
import { FAMILIES, generateTasks } from '../../../../models/action/tasks/generate.ts';

// Lower-case words and slot names only, so quotes, punctuation and capitals cannot hide a copy.
const words = (template: string) => template.toLowerCase().replace(/[^a-z{}' ]+/g, ' ').split(/\s+/).filter(Boolean);
const normalise = (template: string) => words(template).join(' ');
const overlap = (a: string, b: string) => {
  const x = new Set(words(a));
  const y = new Set(words(b));
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared);
};

describe('instruction phrasings', () => {
  it('gives every task other wordings of its goal, none equal to its instruction', () => {
    for (const split of ['train', 'test'] as const) {
      for (const t of generateTasks({ split, seed: 5, count: 3 * FAMILIES.length })) {
        expect(t.alternatives.length, `${t.id} alternatives`).toBeGreaterThan(0);
        expect(t.alternatives, `${t.id} repeats its instruction`).not.toContain(t.instruction);
        expect(new Set(t.alternatives).size, `${t.id} has repeated alternatives`).toBe(t.alternatives.length);
        for (const a of t.alternatives) expect(a, `${t.id}: "${a}" has an unfilled slot`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('keeps the train templates of each family apart from every held-out test template', () => {
    const tests = ALL_FAMILIES.flatMap((f) => f.phrasings.flatMap((table) => table.test.map((template) => ({ family: f.name, template }))));
    for (const f of ALL_FAMILIES) {
      expect(f.phrasings.reduce((n, table) => n + table.train.length, 0), `${f.name} train templates`).toBeGreaterThanOrEqual(12);
      for (const table of f.phrasings) {
        expect(table.train.length, `${f.name}: train templates per test template`).toBeGreaterThanOrEqual(2 * table.test.length);
        for (const train of table.train) {
          for (const test of tests) {
            expect(normalise(train), `${f.name} train "${train}" copies ${test.family} test "${test.template}"`).not.toBe(normalise(test.template));
            // A near copy (one word swapped, words reordered) of the same family's test wording is a leak too.
            if (test.family === f.name) expect(overlap(train, test.template), `${f.name} train "${train}" is a near copy of test "${test.template}"`).toBeLessThan(0.75);
          }
        }
      }
    }
  });
});
