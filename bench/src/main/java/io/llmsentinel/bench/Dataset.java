package io.llmsentinel.bench;

/** A topic filled once per session; every run over it reads all of it. */
sealed interface Dataset permits RawDataset, EventDataset {
    String topic();

    /** Wire format of the records, for the report. */
    String formatName();

    /** Records in the topic. */
    long records();

    /** Valid canonical events inside them. */
    long events();

    double meanRecordBytes();
}
