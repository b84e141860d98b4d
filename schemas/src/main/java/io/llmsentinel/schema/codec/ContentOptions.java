package io.llmsentinel.schema.codec;

import java.io.Serializable;

/**
 * What the decoders may put into an event beyond the telemetry's metadata.
 *
 * @param captureSystemPrompts whether {@code system_prompt_text} carries the system/developer
 *     instructions themselves. Off by default: they are the application's own intellectual property
 *     and may hold secrets, and the detectors need only their hash and length (to tell when they
 *     change and to recognise them in a response).
 */
public record ContentOptions(boolean captureSystemPrompts) implements Serializable {
    public static final ContentOptions DEFAULTS = new ContentOptions(false);
}
