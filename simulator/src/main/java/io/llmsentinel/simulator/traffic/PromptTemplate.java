package io.llmsentinel.simulator.traffic;

/** A prompt template as applications version them (gen_ai.prompt.name / version). */
public record PromptTemplate(String name, String version) {}
