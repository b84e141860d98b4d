package io.llmsentinel.jobs.replay;

/**
 * One output of any job, already encoded as a JSON line and tagged with its kind, so a bounded run
 * can bring every output stream back through a single collect (replay, tests). A Flink POJO.
 */
public class OutputRecord {
    public static final String EVENT = "events";
    public static final String DEAD_LETTER = "dead-letters";
    public static final String ANOMALY = "anomalies";

    public String kind;
    public String json;

    public OutputRecord() {}

    public OutputRecord(String kind, String json) {
        this.kind = kind;
        this.json = json;
    }
}
