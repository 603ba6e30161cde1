// Interpolates queries with Grafana's own code: @grafana/scenes' variables and sceneInterpolator
// (what Grafana 12's dashboards run) with @grafana/prometheus' interpolateQueryExpr as the default
// format of Prometheus queries, as its data source passes it. Reads cases (JSON) from the file
// named by the first argument and writes their results (JSON) to the file named by the second
// (stdout carries the libraries' own messages).
//
// A case: {id, expr, prometheus: boolean, variables: [{name, multi, includeAll, allValue,
// options: [..], value: [..] | "..." | "$__all"}]}. A result: {id, result} or {id, error}.
import './env.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { CustomVariable, SceneFlexLayout, SceneVariableSet, sceneGraph } from '@grafana/scenes';
import { interpolateQueryExpr } from './node_modules/@grafana/prometheus/dist/esm/escaping.mjs';
import { lastValueFrom } from 'rxjs';

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

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const c of cases) {
  try {
    results.push({ id: c.id, result: await interpolate(c) });
  } catch (e) {
    results.push({ id: c.id, error: String(e && e.stack ? e.stack : e) });
  }
}
writeFileSync(process.argv[3], JSON.stringify(results));
