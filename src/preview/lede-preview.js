/* lede-preview.js: what Lede runs in the preview's page.
 *
 * The page itself may run nothing (its script markup is off); these
 * functions are called from C through webkit_web_view_call_async_javascript_function(),
 * each call with this whole file before it, so nothing is kept in the page
 * but window.__lede.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* exported installScrollReporter, swapBody, setFields, markWords, unmarkWords, scrollToLine */
'use strict';

/* Installed once per page: reports the source line at the top of the view
 * as the reader scrolls, unless Lede itself just scrolled it. */
function installScrollReporter () {
  if (window.__lede)
    return true;
  window.__lede = { quietUntil: 0, queued: false };
  window.addEventListener ('scroll', () => {
    if (performance.now () < window.__lede.quietUntil || window.__lede.queued)
      return;
    window.__lede.queued = true;
    requestAnimationFrame (() => {
      window.__lede.queued = false;
      let line = 1;
      for (const b of document.querySelectorAll ('.story-body [data-sourcepos]')) {
        const r = b.getBoundingClientRect ();
        if (r.bottom <= 0)
          continue;
        const start = parseInt (b.dataset.sourcepos);
        const end = parseInt (b.dataset.sourcepos.split ('-')[1]);
        line = start;
        if (r.top < 0 && r.height > 0)
          line += Math.floor ((end - start) * (-r.top / r.height));
        break;
      }
      window.webkit.messageHandlers.lede.postMessage (line);
    });
  }, { passive: true });
  return true;
}

/* Only the blocks that changed are replaced, so a keystroke relayouts one
 * paragraph rather than the whole story. A new body can change the page's
 * height; the scroll that follows is the browser's, not the reader's, so it
 * is not reported. Returns how many blocks were put in. */
function swapBody (html) {
  if (window.__lede)
    window.__lede.quietUntil = performance.now () + 300;
  const body = document.querySelector ('.story-body');
  const fresh = document.createElement ('template');
  fresh.innerHTML = html;
  const a = body.childNodes, b = fresh.content.childNodes;
  let head = 0, tail = 0;
  while (head < a.length && head < b.length && a[head].isEqualNode (b[head]))
    head++;
  while (tail < a.length - head && tail < b.length - head &&
         a[a.length - 1 - tail].isEqualNode (b[b.length - 1 - tail]))
    tail++;
  const range = document.createRange ();
  if (head < a.length - tail) {
    range.setStartBefore (a[head]);
    range.setEndAfter (a[a.length - 1 - tail]);
    range.deleteContents ();
  }
  const added = Array.from (b).slice (head, b.length - tail);
  const before = a[head] || null;
  for (const node of added)
    body.insertBefore (node, before);
  return added.length;
}

/* The fields around the body; tags come one a line. The embargo line and
 * the corrections note are what the published page carries: the note is
 * HTML Lede's core made, its text escaped, as are the headline and the
 * standfirst (headline itself is the page's title). */
function setFields (headline, headlineHtml, standfirstHtml, byline, dateline, language, theme, published,
                    publishedText, tags, embargo, corrections, lead) {
  const set = (selector, text) => { document.querySelector (selector).textContent = text; };
  /* HTML Lede's core made, its text escaped: an editor's pass may be marked. */
  document.querySelector ('.headline').innerHTML = headlineHtml;
  document.querySelector ('.standfirst').innerHTML = standfirstHtml;
  set ('.byline', byline);
  set ('.dateline', dateline);
  document.title = headline;
  document.documentElement.lang = language || 'en';
  document.documentElement.className = theme;
  const time = document.querySelector ('time.published');
  time.setAttribute ('datetime', published);
  time.textContent = publishedText;
  document.querySelector ('ul.tags').replaceChildren (...tags.split ('\n').filter (t => t).map (t => {
    const li = document.createElement ('li');
    li.textContent = t;
    return li;
  }));
  const banner = document.querySelector ('.embargo-banner');
  banner.textContent = embargo;
  banner.hidden = !embargo;
  document.querySelector ('.corrections-note').innerHTML = corrections;
  /* The lead photo's figure, made by Lede's core like the corrections note. */
  const place = document.querySelector ('.lead-photo-place');
  if (place && place.innerHTML !== lead)
    place.innerHTML = lead;
  return true;
}

/* Marks where the body has one of the words (one a line) at the start of a
 * word, as the editor does, up to a thousand marks. */
function markWords (list) {
  const words = list.split ('\n').filter (w => w).map (w => w.toLowerCase ());
  const body = document.querySelector ('.story-body');
  const walker = document.createTreeWalker (body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode ())
    nodes.push (walker.currentNode);
  let marked = 0;
  for (const node of nodes) {
    if (marked >= 1000)
      break;
    const text = node.data, lower = text.toLowerCase (), hits = [];
    for (const w of words)
      for (let i = lower.indexOf (w); i >= 0; i = lower.indexOf (w, i + w.length))
        if (i == 0 || !/[\p{L}\p{N}]/u.test (lower[i - 1]))
          hits.push ([i, i + w.length]);
    if (!hits.length)
      continue;
    hits.sort ((a, b) => a[0] - b[0]);
    const out = document.createDocumentFragment ();
    let at = 0;
    for (const [from, to] of hits) {
      if (from < at || marked >= 1000)
        continue;
      out.append (text.slice (at, from));
      const mark = document.createElement ('mark');
      mark.className = 'search-match';
      mark.textContent = text.slice (from, to);
      out.append (mark);
      at = to;
      marked++;
    }
    out.append (text.slice (at));
    node.replaceWith (out);
  }
  return marked;
}

function unmarkWords () {
  for (const mark of document.querySelectorAll ('mark.search-match'))
    mark.replaceWith (mark.textContent);
  document.querySelector ('.story-body').normalize ();
  return true;
}

/* Brings the block holding the line to the top, part-way into long blocks. */
function scrollToLine (line) {
  window.__lede.quietUntil = performance.now () + 300;
  let target = null, start = 0, end = 0, first = 0;
  for (const b of document.querySelectorAll ('.story-body [data-sourcepos]')) {
    const s = parseInt (b.dataset.sourcepos);
    if (!first)
      first = s;
    if (s > line)
      break;
    if (s >= start) {
      target = b;
      start = s;
      end = parseInt (b.dataset.sourcepos.split ('-')[1]);
    }
  }
  if (!target || line <= first) {
    window.scrollTo (0, 0);
    return 0;
  }
  const r = target.getBoundingClientRect ();
  const part = end > start ? Math.min (1, (line - start) / (end - start)) : 0;
  window.scrollTo (0, window.scrollY + r.top + part * r.height - 8);
  return start;
}
