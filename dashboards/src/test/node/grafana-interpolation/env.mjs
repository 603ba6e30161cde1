// A DOM for the browser globals Grafana's packages touch when they load.
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
for (const key of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'Node', 'getComputedStyle', 'matchMedia', 'location', 'CustomEvent', 'Event']) {
  if (!(key in globalThis) || key === 'window') {
    try { globalThis[key] = key === 'window' ? dom.window : dom.window[key]; } catch {}
  }
}
globalThis.window.matchMedia ??= () => ({ matches: false, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} });
globalThis.matchMedia = globalThis.window.matchMedia;
// jsdom has no IntersectionObserver; scenes creates one when it loads (for lazy panels).
globalThis.IntersectionObserver ??= class { observe() {} unobserve() {} disconnect() {} };
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
