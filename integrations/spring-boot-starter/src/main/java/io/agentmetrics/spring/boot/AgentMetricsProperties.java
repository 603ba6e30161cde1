package io.agentmetrics.spring.boot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code agentmetrics.*} properties of the Spring Boot starter. */
@ConfigurationProperties("agentmetrics")
public class AgentMetricsProperties {

  /** Whether agentmetrics records; when false, the AgentMetrics bean records nothing. */
  private boolean enabled = true;

  /**
   * Whether Spring Boot's http.server.requests timer gets the catalogue's histogram buckets (for
   * the Application HTTP dashboard's p95 and the latency alert).
   */
  private boolean httpBuckets = true;

  /** Maximum number of label sets per metric; past it new ones are recorded under _other. */
  private int seriesCap = 2000;

  /**
   * A CSV of prices (provider,model,input,output,cached per million tokens) over the bundled one.
   */
  private Path priceFile;

  /** The agent name the framework bridges record under; spring.application.name by default. */
  private String agent;

  /** The team (tenant, project) token usage and cost are charged to; none by default. */
  private String team = "";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isHttpBuckets() {
    return httpBuckets;
  }

  public void setHttpBuckets(boolean httpBuckets) {
    this.httpBuckets = httpBuckets;
  }

  public int getSeriesCap() {
    return seriesCap;
  }

  public void setSeriesCap(int seriesCap) {
    this.seriesCap = seriesCap;
  }

  public Path getPriceFile() {
    return priceFile;
  }

  public void setPriceFile(Path priceFile) {
    this.priceFile = priceFile;
  }

  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }
}
