package io.llmsentinel.simulator.traffic;

import java.util.List;

/**
 * A customer of the simulated applications, with its users.
 *
 * @param share the tenant's share of the baseline traffic
 */
public record Tenant(String id, double share, List<String> users) {}
