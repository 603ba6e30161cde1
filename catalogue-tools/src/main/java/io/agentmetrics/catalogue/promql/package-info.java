/**
 * Reading PromQL expressions ({@link io.agentmetrics.catalogue.promql.PromQlReader}) and checking
 * what they use against the metric catalogue ({@link
 * io.agentmetrics.catalogue.promql.CatalogueCheck}). Used by the dashboards linter and the
 * alert-rule checks.
 */
package io.agentmetrics.catalogue.promql;
