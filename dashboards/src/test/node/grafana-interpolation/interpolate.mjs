// Interpolates queries with Grafana's own code: @grafana/scenes' variables and sceneInterpolator
// (what Grafana 12's dashboards run) with @grafana/prometheus' interpolateQueryExpr as the default
// format of Prometheus queries, as its data source passes it. Reads cases (JSON) from the file
// named by the first argument and writes their results (JSON) to the file named by the second
// (stdout carries the libraries' own messages).
//
// The input: {cases, times, intervals}. A case: {id, expr, prometheus: boolean, variables: [{name,
// multi, includeAll, allValue, options: [..], value: [..] | "..." | "$__all"}]}, interpolated by
// sceneGraph.interpolate. A time: {id, now, text, roundUp}, a relative time such as now-7d/d read
// by @grafana/data's dateMath.parse in UTC at the instant now (epoch ms). An interval: {id, fromMs,
// toMs, maxDataPoints, lowLimit}, the frontend interval of @grafana/data's
// rangeUtil.calculateInterval. A shift: {id, timeMs, shift, roundUp}, a panel's time shift (1d/d)
// applied to one end of its range as Grafana does, dateMath.parseDateMath('-' + shift, time,
// roundUp) in UTC. A result: {id, result} or {id, error}.
import './env.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { CustomVariable, SceneFlexLayout, SceneVariableSet, sceneGraph } from '@grafana/scenes';
import { interpolateQueryExpr } from './node_modules/@grafana/prometheus/dist/esm/escaping.mjs';
import { lastValueFrom } from 'rxjs';
import { dateMath, dateTime, rangeUtil } from '@grafana/data';

async function variable(spec) {
  const all = spec.value === '$__all';
  const value = all ? ['$__all'] : spec.value;
  const v = new CustomVariable({
    name: spec.name,
    query: spec.options.join(','),
    isMulti: spec.multi,
    includeAll: spec.includeAll,
    allValue: spec.allValue ?? undefined,
    value,
    text: all ? ['All'] : value,
  });
  await lastValueFrom(v.validateAndUpdate());
  v.setState({ value, text: all ? ['All'] : value });
  return v;
}

async function interpolate(c) {
  const variables = [];
  for (const spec of c.variables) {
    variables.push(await variable(spec));
  }
  const scene = new SceneFlexLayout({ $variables: new SceneVariableSet({ variables }), children: [] });
  return sceneGraph.interpolate(scene, c.expr, undefined, c.prometheus ? interpolateQueryExpr : undefined);
}

function time(t) {
  const realNow = Date.now;
  Date.now = () => t.now; // the instant 'now' stands for, as Grafana's clock would give it
  try {
    return String(dateMath.parse(t.text, t.roundUp, 'utc').valueOf());
  } finally {
    Date.now = realNow;
  }
}

function interval(i) {
  const range = { from: dateTime(i.fromMs), to: dateTime(i.toMs), raw: { from: '', to: '' } };
  return String(rangeUtil.calculateInterval(range, i.maxDataPoints, i.lowLimit).intervalMs);
}

function shift(s) {
  return String(dateMath.parseDateMath('-' + s.shift, dateTime(s.timeMs).utc(), s.roundUp).valueOf());
}

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
async function run(items, fn) {
  for (const item of items ?? []) {
    try {
      results.push({ id: item.id, result: await fn(item) });
    } catch (e) {
      results.push({ id: item.id, error: String(e && e.stack ? e.stack : e) });
    }
  }
}
await run(input.cases, interpolate);
await run(input.times, time);
await run(input.intervals, interval);
await run(input.shifts, shift);
writeFileSync(process.argv[3], JSON.stringify(results));
