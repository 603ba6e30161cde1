// Stands in for @grafana/ui, @grafana/runtime, @grafana/e2e-selectors and react-router-dom, which
// @grafana/scenes and @grafana/prometheus import but never call to interpolate a query. The one
// value read is the runtime's config: Grafana's feature toggles at their defaults (none enabled;
// prometheusSpecialCharsInLabelValues, which changes the Prometheus escaping, is off by default).
module.exports = { config: { featureToggles: {}, bootData: { settings: {} } } };
