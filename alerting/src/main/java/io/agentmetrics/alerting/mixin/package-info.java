/**
 * The rules as a mixin: templates under {@code alerting/mixin/rules} and one configuration
 * (selector, thresholds, severities, runbook base URL) render the rule files Prometheus loads.
 */
package io.agentmetrics.alerting.mixin;
