package io.llmsentinel.simulator.traffic;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.incident.IncidentType;

/**
 * One generated call.
 *
 * @param incident the incident that shaped this event, null for ordinary traffic; for leaks only
 *     the events that actually leak carry it
 */
public record SimulatedEvent(LlmEvent event, IncidentType incident) {}
