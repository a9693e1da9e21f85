package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.ModelFamily;

/** A codec whose replies and stream chunks are flat objects, read through {@link ReplyPaths}. */
abstract class FlatReplyCodec extends CodecBase implements ModelFamilyCodec {

    private final ReplyPaths replyPaths;
    private final ReplyPaths chunkPaths;

    FlatReplyCodec(ModelFamily family, boolean acceptsImages, ReplyPaths replyPaths, ReplyPaths chunkPaths) {
        super(family, acceptsImages);
        this.replyPaths = replyPaths;
        this.chunkPaths = chunkPaths;
    }

    @Override
    public ModelReply reply(JsonNode body) {
        return replyPaths.reply(body);
    }

    @Override
    public String chunk(JsonNode chunk, StreamedReply state) {
        return chunkPaths.chunk(chunk, state);
    }
}
