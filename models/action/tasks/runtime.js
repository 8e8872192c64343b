/* global window, document, getComputedStyle, NodeFilter, T */
// Page-side helpers shared by every family's script. They read the DOM to label and check, and
// turn "reach this element" into real-input steps: a step is only what a person could do from
// the screen (scroll until visible, click its words, select all, type), never a DOM write.
// `T` (the family's data) is defined before this file by page.ts; family scripts use `OT`.
'use strict';
window.OT = (() => {
  // Chromium on X11 scrolls 120 CSS px per wheel notch (measured with --disable-smooth-scrolling);
  // expert scrolls ask for at most distance / NOTCH_PX notches so they do not overshoot, and
  // repeat until the target shows.
  const NOTCH_PX = 120;
  const MARGIN = 4;
  const rect = (el) => el.getBoundingClientRect();
  const center = (el) => {
    const r = rect(el);
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  };
  const textOf = (el) => (el.getAttribute('aria-label') || el.innerText || el.value || el.placeholder || '').trim();

  function scrollContainer(el) {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowY + s.overflowX) && (p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1)) return p;
    }
    return null;
  }

  function clampToViewport(p) {
    return { x: Math.min(Math.max(p.x, 8), window.innerWidth - 8), y: Math.min(Math.max(p.y, 8), window.innerHeight - 8) };
  }

  /** The visible part of the window: the viewport less its scrollbars. */
  const viewBox = () => ({ top: 0, left: 0, bottom: document.documentElement.clientHeight, right: document.documentElement.clientWidth });

  /** Whether `scroller` can still move its content in `direction`. */
  function canScroll(scroller, direction) {
    const max = direction === 'up' || direction === 'down' ? scroller.scrollHeight - scroller.clientHeight : scroller.scrollWidth - scroller.clientWidth;
    const pos = direction === 'up' || direction === 'down' ? scroller.scrollTop : scroller.scrollLeft;
    return direction === 'up' || direction === 'left' ? pos > 0 : pos < max - 1;
  }

  /** Which way (and how far) `r` lies outside `box` on one axis; a rect larger than the box counts as in view once its centre is. */
  function outside(lo, hi, boxLo, boxHi) {
    if (lo >= boxLo && hi <= boxHi) return 0;
    const c = (lo + hi) / 2;
    if (hi - lo > boxHi - boxLo && c > boxLo && c < boxHi) return 0;
    return lo < boxLo ? -(boxLo + MARGIN - lo) : Math.min(hi - boxHi + MARGIN, lo - boxLo);
  }

  /** A scroll step that brings `el` into view inside `box` of `scroller`, or null when it is in view (or cannot be). */
  function scrollInto(el, box, scroller, at) {
    const r = rect(el);
    const dy = outside(r.top, r.bottom, box.top, box.bottom);
    const dx = outside(r.left, r.right, box.left, box.right);
    const direction = dy < 0 ? 'up' : dy > 0 ? 'down' : dx < 0 ? 'left' : dx > 0 ? 'right' : null;
    if (!direction || !canScroll(scroller, direction)) return null;
    const dist = Math.abs(dy || dx);
    const amount = Math.max(1, Math.min(10, Math.floor(dist / NOTCH_PX)));
    const p = clampToViewport(at);
    return { type: 'scroll', x: Math.round(p.x), y: Math.round(p.y), direction, amount };
  }

  /** The step that makes `el` visible on screen, or null when it already is. */
  function reveal(el) {
    const page = document.scrollingElement;
    const mid = { x: viewBox().right / 2, y: viewBox().bottom / 2 };
    const inner = scrollContainer(el);
    if (inner) {
      const b = rect(inner);
      const top = b.top + inner.clientTop;
      const left = b.left + inner.clientLeft;
      const box = { top, left, bottom: top + inner.clientHeight, right: left + inner.clientWidth };
      return scrollInto(inner, viewBox(), page, mid) || scrollInto(el, box, inner, { x: b.left + b.width / 2, y: b.top + b.height / 2 });
    }
    return scrollInto(el, viewBox(), page, mid);
  }

  /**
   * Where a person aims at `el`: the middle of its first line of text, which is what perception
   * reads (a wide list row or menu item is its words, not its empty middle); the centre of a
   * control with no text of its own (a field, a box, an icon).
   */
  function aim(el) {
    if (!/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
      const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
      const first = texts.nextNode();
      if (first) {
        const words = document.createRange();
        words.selectNodeContents(first);
        const r = [...words.getClientRects()].find((b) => b.width >= 2 && b.height >= 2);
        const p = r && { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
        const hit = p && document.elementFromPoint(p.x, p.y);
        if (hit && (hit === el || el.contains(hit))) return p;
      }
    }
    return center(el);
  }

  function pointStep(type, el, target) {
    return reveal(el) || { type, ...aim(el), target: target || textOf(el) };
  }

  /** Steps to make `el` hold exactly `value`: focus it, select what is wrong, type the rest. */
  function typeInto(el, value, target) {
    if (document.activeElement !== el) return pointStep('click', el, target);
    const v = el.value;
    if (v === value) return null;
    const caretAtEnd = el.selectionStart === v.length && el.selectionEnd === v.length;
    if (value.startsWith(v) && caretAtEnd) return { type: 'type', text: value.slice(v.length) };
    const allSelected = v.length && el.selectionStart === 0 && el.selectionEnd === v.length;
    if (allSelected) return value ? { type: 'type', text: value } : { type: 'hotkey', keys: ['delete'] };
    return { type: 'hotkey', keys: ['ctrl', 'a'] };
  }

  /** A drag from `el` (where a person would grab it) to a viewport point. */
  function dragTo(el, to) {
    return reveal(el) || { type: 'drag', from: aim(el), to: { x: Math.round(to.x), y: Math.round(to.y) } };
  }

  /**
   * A page with a confirm button (`T.confirm`): the goal counts only once the button was pressed
   * with the state right, and the expert presses it last.
   */
  function confirmed(task) {
    const button = document.getElementById('ot-confirm');
    let right = false;
    button.addEventListener('click', () => {
      right = Boolean(task.check());
      document.getElementById('ot-confirmed').textContent = right ? 'Saved.' : 'Not quite.';
    });
    return {
      check: () => right && Boolean(task.check()),
      expert: () => (task.check() ? pointStep('click', button, T.confirm) : task.expert()),
    };
  }

  function define(task) {
    if (T.confirm) task = confirmed(task);
    window.operantTask = {
      check: () => Boolean(task.check()),
      expert: () => (task.check() ? null : task.expert()),
    };
  }

  return {
    rect, center, textOf, reveal, typeInto, dragTo, define,
    click: (el, target) => pointStep('click', el, target),
    doubleClick: (el, target) => pointStep('double_click', el, target),
    rightClick: (el, target) => pointStep('right_click', el, target),
    $: (sel) => document.querySelector(sel),
    $$: (sel) => Array.from(document.querySelectorAll(sel)),
  };
})();
