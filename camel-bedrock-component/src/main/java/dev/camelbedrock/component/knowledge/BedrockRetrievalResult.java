package dev.camelbedrock.component.knowledge;

import java.util.Map;

import dev.camelbedrock.component.support.JsonDocuments;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockagentruntime.model.KnowledgeBaseRetrievalResult;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalResultContent;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalResultLocation;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievedReference;

/**
 * One chunk a knowledge base returned: the body element of {@code retrieve}, and a reference of a
 * {@link BedrockCitation} in {@code retrieveAndGenerate}.
 *
 * @param text         the chunk's text (for a ROW chunk: its columns as name=value lines); null for image, audio or video
 * @param score        relevance score; null for citation references, which Bedrock returns without one
 * @param locationType where the source lives: S3, WEB, CONFLUENCE, SALESFORCE, SHAREPOINT, CUSTOM, KENDRA, SQL, ONEDRIVE,
 *                     GOOGLEDRIVE
 * @param uri          the source's address for that location type (S3 URI, URL, custom document id, SQL query)
 * @param metadata     the chunk's metadata as plain Java values (String, Number, Boolean, List, Map), e.g.
 *                     x-amz-bedrock-kb-source-uri
 * @param documentId   the document id, when Bedrock returns one (retrieve only)
 */
public record BedrockRetrievalResult(String text, Double score, String locationType, String uri, Map<String, Object> metadata,
                                     String documentId) {

    public static BedrockRetrievalResult of(KnowledgeBaseRetrievalResult r) {
        return new BedrockRetrievalResult(text(r.content()), r.score(), locationType(r.location()), uri(r.location()),
                metadata(r.hasMetadata() ? r.metadata() : null), r.documentId());
    }

    public static BedrockRetrievalResult of(RetrievedReference r) {
        return new BedrockRetrievalResult(text(r.content()), null, locationType(r.location()), uri(r.location()),
                metadata(r.hasMetadata() ? r.metadata() : null), null);
    }

    static String text(RetrievalResultContent c) {
        if (c == null) {
            return null;
        }
        if (c.text() != null) {
            return c.text();
        }
        if (c.hasRow()) {
            StringBuilder sb = new StringBuilder();
            c.row().forEach(col -> sb.append(sb.isEmpty() ? "" : "\n").append(col.columnName()).append('=').append(col.columnValue()));
            return sb.toString();
        }
        return null;
    }

    static String locationType(RetrievalResultLocation l) {
        return l == null ? null : l.typeAsString();
    }

    static String uri(RetrievalResultLocation l) {
        if (l == null) {
            return null;
        }
        if (l.s3Location() != null) {
            return l.s3Location().uri();
        }
        if (l.webLocation() != null) {
            return l.webLocation().url();
        }
        if (l.customDocumentLocation() != null) {
            return l.customDocumentLocation().id();
        }
        if (l.confluenceLocation() != null) {
            return l.confluenceLocation().url();
        }
        if (l.sharePointLocation() != null) {
            return l.sharePointLocation().url();
        }
        if (l.salesforceLocation() != null) {
            return l.salesforceLocation().url();
        }
        if (l.oneDriveLocation() != null) {
            return l.oneDriveLocation().url();
        }
        if (l.googleDriveLocation() != null) {
            return l.googleDriveLocation().url();
        }
        if (l.kendraDocumentLocation() != null) {
            return l.kendraDocumentLocation().uri();
        }
        return l.sqlLocation() != null ? l.sqlLocation().query() : null;
    }

    static Map<String, Object> metadata(Map<String, Document> metadata) {
        return metadata == null || metadata.isEmpty() ? Map.of() : JsonDocuments.toMap(Document.fromMap(metadata));
    }
}
