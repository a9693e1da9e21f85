package dev.camelbedrock.component.image;

import java.util.List;

/**
 * What an image codec reads from a reply.
 *
 * @param images   the decoded images
 * @param seeds    the seeds the model reports, possibly empty
 * @param filtered the content filter's reason when the result was withheld, else null
 * @param error    a generation error the body reports (not a filter), else null
 */
public record ImageReply(List<byte[]> images, List<Long> seeds, String filtered, String error) {
}
