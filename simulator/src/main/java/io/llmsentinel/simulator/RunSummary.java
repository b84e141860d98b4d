package io.llmsentinel.simulator;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import java.util.List;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param records records written to the sink (valid and hostile)
 * @param events valid events inside those records
 * @param badRecords hostile records among them
 * @param incidents the ground truth of the run
 * @param eventsPerIncident events shaped by each incident (for leaks: the leaking answers)
 * @param startMs epoch ms the run's clock started at
 * @param endMs epoch ms the run's clock ended at (start + duration, or earlier when interrupted)
 * @param interrupted whether the run was stopped by a thread interrupt before its end
 */
public record RunSummary(
        long records,
        long events,
        long badRecords,
        List<Incident> incidents,
        Map<IncidentType, Long> eventsPerIncident,
        long startMs,
        long endMs,
        boolean interrupted) {}
