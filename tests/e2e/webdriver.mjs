// A small W3C WebDriver client over fetch (Node >= 18), for driving the real
// Vigil window through tauri-driver. No dependencies.
import fs from 'node:fs';
import path from 'node:path';

const DRIVER = process.env.TAURI_DRIVER_URL ?? 'http://127.0.0.1:4444';

async function wd(method, url, body) {
  const res = await fetch(DRIVER + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) {
    const err = new Error(`${method} ${url}: ${json.value?.error ?? res.status} ${json.value?.message ?? ''}`);
    err.code = json.value?.error;
    throw err;
  }
  return json.value;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Session {
  static async start(app, args = []) {
    const value = await wd('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application: app, args } } },
    });
    return new Session(value.sessionId);
  }

  constructor(id) {
    this.base = `/session/${id}`;
  }

  async end() {
    await wd('DELETE', this.base).catch(() => {});
  }

  /** Waits until `css` matches an element and returns its id. */
  async find(css, { timeout = 10000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      try {
        const v = await wd('POST', `${this.base}/element`, { using: 'css selector', value: css });
        return Object.values(v)[0];
      } catch (e) {
        if (Date.now() > until) throw new Error(`no element matches ${css} after ${timeout} ms (${e.message})`);
        await sleep(100);
      }
    }
  }

  async exists(css) {
    const v = await wd('POST', `${this.base}/elements`, { using: 'css selector', value: css });
    return v.length > 0;
  }

  async click(css) {
    // React may replace the element between finding and clicking it (a list
    // that finished loading): then find it again, as a user's eye would.
    for (let attempt = 0; ; attempt++) {
      const id = await this.find(css);
      // Bring it to the middle of its scrolling container first, as a user would scroll to it.
      await wd('POST', `${this.base}/execute/sync`, {
        script: 'const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({ block: "center", inline: "nearest" });',
        args: [css],
      });
      try {
        await wd('POST', `${this.base}/element/${id}/click`, {});
        return;
      } catch (e) {
        if (attempt >= 3 || !/stale element/.test(String(e.message))) throw e;
      }
    }
  }

  /**
   * Presses the mouse at `from` and releases it at `to`, x offsets (px) from
   * the left edge of the element matching `css`, at its vertical middle.
   */
  async drag(css, from, to) {
    const id = await this.find(css);
    const rect = await wd('GET', `${this.base}/element/${id}/rect`);
    // Offsets with an element origin are from its centre.
    const x = (px) => Math.round(px - rect.width / 2);
    const origin = { 'element-6066-11e4-a52e-4f735466cecf': id };
    const steps = [0.25, 0.5, 0.75, 1].map((f) => ({
      type: 'pointerMove',
      duration: 40,
      origin,
      x: x(from + (to - from) * f),
      y: 0,
    }));
    await wd('POST', `${this.base}/actions`, {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', duration: 0, origin, x: x(from), y: 0 },
            { type: 'pointerDown', button: 0 },
            ...steps,
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await wd('DELETE', `${this.base}/actions`).catch(() => {});
  }

  async type(css, text) {
    const id = await this.find(css);
    await wd('POST', `${this.base}/element/${id}/clear`, {});
    if (text !== '') await wd('POST', `${this.base}/element/${id}/value`, { text });
  }

  /** Empties a field the way a user does (select all, delete), so the page sees input events. */
  async erase(css) {
    await this.click(css);
    await this.keys('\uE009a\uE009\uE003');
  }

  /** Sets a form control's value as the browser does after a pick (date
   * pickers are not typed into): native setter, then input and change events. */
  async setValue(css, value) {
    await this.find(css);
    await this.exec(
      `const e = document.querySelector(arguments[0]);
       const proto = Object.getPrototypeOf(e);
       Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, arguments[1]);
       e.dispatchEvent(new Event('input', { bubbles: true }));
       e.dispatchEvent(new Event('change', { bubbles: true }));`,
      [css, value],
    );
  }

  /** Types into a focused native <select> to choose by label. The browser
   * joins keys typed within about a second into one search, so first let any
   * earlier search lapse, as a person typing the next record would. */
  async typeIntoSelect(text) {
    await sleep(1200);
    await this.keys(text);
  }

  /** Sends keys to the focused element (e.g. '\uE007' for Enter). */
  async keys(text) {
    const id = await wd('GET', `${this.base}/element/active`);
    await wd("POST", `${this.base}/element/${Object.values(id)[0]}/value`, { text });
  }

  async text(css) {
    const id = await this.find(css);
    return wd('GET', `${this.base}/element/${id}/text`);
  }

  async attr(css, name) {
    const id = await this.find(css);
    return wd('GET', `${this.base}/element/${id}/attribute/${name}`);
  }

  async enabled(css) {
    const id = await this.find(css);
    return wd('GET', `${this.base}/element/${id}/enabled`);
  }

  async exec(script, args = []) {
    return wd('POST', `${this.base}/execute/sync`, { script, args });
  }

  /** Polls `fn` until it returns a truthy value. */
  /**
   * Runs `action` in the page and measures, with the page's own clock, the
   * milliseconds until `condition` holds (checked every animation frame).
   * Both are function sources: "() => …".
   */
  async timeInPage(action, condition, timeout = 60000) {
    await wd('POST', `${this.base}/timeouts`, { script: timeout });
    return wd('POST', `${this.base}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        const check = ${condition};
        const t0 = performance.now();
        (${action})();
        (function poll() {
          let ok = false;
          try { ok = check(); } catch (e) { ok = false; }
          if (ok) done(performance.now() - t0);
          else if (performance.now() - t0 > ${timeout - 1000}) done(-1);
          else requestAnimationFrame(poll);
        })();`,
      args: [],
    });
  }

  async until(what, fn, timeout = 10000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await fn();
        if (last) return last;
      } catch (e) {
        last = e.message;
      }
      if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await sleep(100);
    }
  }

  async title() {
    return wd('GET', `${this.base}/title`);
  }

  /** Saves a PNG after two animation frames, so the picture shows the final DOM. */
  async screenshot(dir, name) {
    await wd('POST', `${this.base}/execute/async`, {
      script:
        'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
      args: [],
    });
    // The app draws without GPU compositing, and WebKit's driver then only
    // answers a screenshot after the page next paints: a 1-pixel, almost
    // transparent mark in a corner repaints every frame until the picture is
    // taken, and is removed after.
    await wd('POST', `${this.base}/execute/sync`, {
      script: `let n = document.getElementById('wd-repaint');
        if (!n) {
          n = document.createElement('div');
          n.id = 'wd-repaint';
          n.setAttribute('aria-hidden', 'true');
          n.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
          document.body.appendChild(n);
          let odd = false;
          const tick = () => {
            if (!n.isConnected) return;
            odd = !odd;
            n.style.background = odd ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }`,
      args: [],
    });
    const png = await wd('GET', `${this.base}/screenshot`);
    await wd('POST', `${this.base}/execute/sync`, {
      script: "document.getElementById('wd-repaint')?.remove()",
      args: [],
    });
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    fs.writeFileSync(file, Buffer.from(png, 'base64'));
    return file;
  }
}
