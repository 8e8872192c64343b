// `npm run bench -- icons` (needs DISPLAY): opens icon_click tasks of the task suite's test split
// (held-out button styles and themes the icon model never saw) in Chromium on the current display,
// captures the screen and runs the Perceiver on it. Reports in how many tasks the target icon's
// element carries the target's name, how every icon button on those screens was named, what
// naming costs (ms per screen with N icons, as a share of the whole perception time measured in
// the same call), and which names it gives on one test task of every other family (screens with
// no icon buttons, where any name is worth a look: a dialog's × is rightly "close").
import { captureScreen } from '../electron/core/capture.ts';
import { Perceiver } from '../engine/perception/perceiver.ts';
import type { UiElement } from '../engine/perception/types.ts';
import { ICON_CLASSES } from '../engine/perception/iconClasses.ts';
import { FAMILIES, generateTasks } from '../models/action/tasks/generate.ts';
import { launchTaskBrowser, openTask } from '../models/action/tasks/harness.ts';

const COUNT = Number(process.env.ICONS_BENCH_TASKS ?? 12);

const ICON_WORDS = new Set<string>(ICON_CLASSES.map((c) => c.words).filter(Boolean));
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? 0;

/** The element perception reports over a button: the one whose centre is inside it, smallest first. */
function elementOver(elements: UiElement[], b: { x: number; y: number; w: number; h: number }): UiElement | undefined {
  const inside = elements.filter((e) => {
    const cx = e.box[0] + e.box[2] / 2;
    const cy = e.box[1] + e.box[3] / 2;
    return cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h && e.kind !== 'text';
  });
  return inside.find((e) => e.text) ?? inside[0];
}

export default async function iconsBench() {
  if (!process.env.DISPLAY) throw new Error('DISPLAY is not set: start `Xvfb :N -screen 0 1280x800x24 &` and export DISPLAY=:N');
  const tasks = generateTasks({ split: 'test', seed: 1, count: COUNT, families: ['icon_click'] });
  const browser = await launchTaskBrowser();
  const others = generateTasks({ split: 'test', seed: 1, count: FAMILIES.length - 1, families: FAMILIES.filter((f) => f !== 'icon_click') });
  const named = await Perceiver.create({ threads: 1 });
  const perTask: Record<string, unknown>[] = [];
  const buttons = { total: 0, correct: 0, wrong: 0, unnamed: 0, missed: 0 };
  const iconMs: number[] = [];
  const share: number[] = [];
  const elsewhere: string[] = [];
  const chrome = new Set<string>();
  let targetsNamed = 0;
  try {
    for (const task of tasks) {
      const open = await openTask(task, { browser });
      try {
        await new Promise((r) => setTimeout(r, 300));
        const frame = await captureScreen();
        const p = await named.perceive(frame, { incremental: false });
        iconMs.push(p.timings.icons ?? 0);
        share.push((p.timings.icons ?? 0) / (p.timings.total ?? 1));
        // The page's own data (`T`) names the icon the instruction asks for.
        const target = (await open.page.evaluate('T.target')) as string;
        const onScreen: { icon: string; got: string }[] = [];
        for (const handle of await open.page.$$('button[data-icon]')) {
          const icon = (await handle.getAttribute('data-icon'))!;
          const bb = (await handle.boundingBox())!;
          const tl = open.toScreen({ x: bb.x, y: bb.y });
          const e = elementOver(p.elements, { x: tl.x, y: tl.y, w: bb.width, h: bb.height });
          const got = e?.text.split(' ')[0] ?? '(no element)';
          onScreen.push({ icon, got });
          buttons.total++;
          if (!e) buttons.missed++;
          else if (!e.text) buttons.unnamed++;
          else if (got === icon) buttons.correct++;
          else buttons.wrong++;
          if (icon === target && got === icon) targetsNamed++;
        }
        perTask.push({ task: task.id, widget: task.variation.widget, target, icons: onScreen.length, named: onScreen.map((o) => `${o.icon}→${o.got}`).join(' '), iconMs: p.timings.icons });
      } finally {
        await open.close();
      }
    }
    for (const task of others) {
      const open = await openTask(task, { browser });
      try {
        await new Promise((r) => setTimeout(r, 300));
        const p = await named.perceive(await captureScreen(), { incremental: false });
        const pageTop = open.toScreen({ x: 0, y: 0 }).y;
        for (const e of p.elements) {
          if (e.kind === 'text' || !ICON_WORDS.has(e.text)) continue;
          // Chromium's own toolbar (new tab +, tab ×, bookmark star, reload) is above the page.
          if (e.box[1] + e.box[3] <= pageTop) chrome.add(e.text.split(' ')[0]!);
          else elsewhere.push(`${task.family}: ${e.kind} ${e.box.join(',')} "${e.text}"`);
        }
      } finally {
        await open.close();
      }
    }
  } finally {
    await named.dispose();
    await browser.close();
  }
  return {
    tasks: tasks.length,
    targetNamedCorrectly: `${targetsNamed}/${tasks.length}`,
    iconButtons: buttons,
    iconMsPerScreen: { median: Math.round(median(iconMs) * 10) / 10, max: Math.round(Math.max(...iconMs) * 10) / 10, iconButtonsPerScreen: Math.round((buttons.total / tasks.length) * 10) / 10 },
    iconShareOfPerception: Math.round(median(share) * 1000) / 1000,
    namesOnOtherFamilies: { screens: others.length, inPages: elsewhere, inBrowserToolbar: [...chrome] },
    perTask,
  };
}
