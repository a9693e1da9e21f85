package dev.camelbedrock.component.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.MediaUrls;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;

/**
 * Images and documents attached to a prompt (the CamelBedrockImages and CamelBedrockDocuments headers) as Converse
 * content blocks: bytes checked for size and format, S3 URIs passed on, http(s) URLs checked against the allow-list and
 * left as placeholders to fetch once the whole request is checked. Used by converse and by prompt-level invoke.
 */
public final class Attachments {

    private Attachments() {
    }

    /** What images and documents given as URLs need: the allow-list and fetcher, and where placeholders are kept. */
    public record Fetching(MediaUrls urls, PendingMedia pending) {
    }

    /** Converse's documented limits for inline attachments. */
    static final int MAX_IMAGE_BYTES = 3_750_000;
    static final int MAX_DOCUMENT_BYTES = 4_500_000;

    static final String ACCEPTED_IMAGES = "byte[], an s3:// URI, an http(s) URL (java.net.URI, java.net.URL or a String)"
                                          + " under a prefix of the mediaUrlAllowList option, ImageBlock, or a List of those";
    static final String ACCEPTED_DOCUMENTS = "a Map of file name to byte[], to an s3:// URI or to an http(s) URL (java.net.URI,"
                                             + " java.net.URL or a String) under a prefix of the mediaUrlAllowList option;"
                                             + " or DocumentBlock(s)";

    /**
     * The images of the CamelBedrockImages header as content blocks, for a prompt-level invoke: format detected, size
     * checked; URLs are refused (invoke sends images inline, and fetches nothing).
     */
    public static List<ContentBlock> imageBlocks(String operation, String modelId, Object images) {
        return imageBlocks(operation, modelId, images, null);
    }

    /** The images of the CamelBedrockImages header as content blocks: bytes checked, URLs as {@code fetching} allows. */
    public static List<ContentBlock> imageBlocks(String operation, String modelId, Object images, Fetching fetching) {
        List<ContentBlock> out = new ArrayList<>();
        String where = "header " + BedrockHeaders.IMAGES;
        for (Object item : images instanceof Collection<?> c ? c : List.of(images)) {
            String url = MediaUrls.urlText(item);
            if (item instanceof ImageBlock ib) {
                out.add(ContentBlock.fromImage(ib));
            } else if (item instanceof byte[] bytes) {
                out.add(imageBlock(operation, modelId, bytes, "an image in " + where));
            } else if (url != null && fetching == null) {
                throw new BedrockInputException(operation, modelId, where + " holds the URL " + MediaUrls.mask(url) + "; "
                        + operation + " sends images inline and fetches nothing; accepted: byte[], a List of byte[], or ImageBlock(s)"
                        + " with bytes (URLs are taken by converse, converseStream and countTokens)");
            } else if (url != null && MediaUrls.isS3(url)) {
                ImageFormat format = imageFormatOfName(url);
                if (format == null) {
                    throw new BedrockInputException(operation, modelId, where + " holds the S3 URI " + MediaUrls.mask(url)
                            + ", whose name does not end in .png, .jpg, .jpeg, .gif or .webp; Bedrock reads S3 objects itself,"
                            + " so the format comes from the name");
                }
                out.add(ContentBlock.fromImage(b -> b.format(format).source(s -> s.s3Location(l -> l.uri(url)))));
            } else if (url != null) {
                URI uri = fetching.urls().check(operation, modelId, where, url, ACCEPTED_IMAGES);
                String fetched = "the image at " + MediaUrls.mask(url) + " (" + where + ")";
                out.add(fetching.pending().add(placeholderImage(), () -> fetching.urls()
                        .fetch(operation, modelId, where, uri, MAX_IMAGE_BYTES)
                        .thenApply(bytes -> imageBlock(operation, modelId, bytes, fetched))));
            } else {
                throw new BedrockInputException(operation, modelId, where + " holds a " + ExchangeOptions.typeName(item) + "; accepted: "
                        + (fetching == null ? "byte[], a List of byte[], or ImageBlock(s)" : ACCEPTED_IMAGES));
            }
        }
        return out;
    }

    /** One image given as bytes (in the header, or fetched from a URL): size and format checked. */
    private static ContentBlock imageBlock(String operation, String modelId, byte[] bytes, String what) {
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new BedrockInputException(operation, modelId, what + " has " + bytes.length + " bytes; Converse accepts at most "
                    + MAX_IMAGE_BYTES + " bytes per image");
        }
        ImageFormat format = detectImageFormat(bytes);
        if (format == null) {
            throw new BedrockInputException(operation, modelId, what
                    + " is not PNG, JPEG, GIF or WebP (checked from its first bytes); accepted: those four formats");
        }
        return ContentBlock.fromImage(b -> b.format(format).source(s -> s.bytes(SdkBytes.fromByteArray(bytes))));
    }

    /** A block that stands for an image still to fetch: a new object each time, replaced by identity. */
    private static ContentBlock placeholderImage() {
        return ContentBlock.fromImage(b -> b.format(ImageFormat.PNG).source(s -> s.bytes(SdkBytes.fromByteArray(new byte[0]))));
    }

    /** The image format an S3 object's name says, or null. */
    private static ImageFormat imageFormatOfName(String uri) {
        String ext = extension(uri);
        return switch (ext) {
            case "png" -> ImageFormat.PNG;
            case "jpg", "jpeg" -> ImageFormat.JPEG;
            case "gif" -> ImageFormat.GIF;
            case "webp" -> ImageFormat.WEBP;
            default -> null;
        };
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot <= slash ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The image format from the first bytes: PNG, JPEG, GIF or WebP; null when it is none of them. */
    public static ImageFormat detectImageFormat(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ImageFormat.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return ImageFormat.GIF;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
            && b[10] == 'B' && b[11] == 'P') {
            return ImageFormat.WEBP;
        }
        return null;
    }

    public static List<ContentBlock> documentBlocks(String operation, String modelId, Object documents, Fetching fetching) {
        List<ContentBlock> out = new ArrayList<>();
        String where = "header " + BedrockHeaders.DOCUMENTS;
        if (documents instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String fileName = String.valueOf(e.getKey());
                String url = MediaUrls.urlText(e.getValue());
                if (!(e.getValue() instanceof byte[]) && url == null) {
                    throw new BedrockInputException(operation, modelId, where + " maps '" + fileName + "' to a "
                            + ExchangeOptions.typeName(e.getValue()) + "; accepted: " + ACCEPTED_DOCUMENTS);
                }
                DocumentFormat format = documentFormat(operation, modelId, fileName);
                String name = documentName(fileName.lastIndexOf('.') < 0 ? fileName : fileName.substring(0, fileName.lastIndexOf('.')));
                if (e.getValue() instanceof byte[] bytes) {
                    out.add(documentBlock(operation, modelId, "document '" + fileName + "'", format, name, bytes));
                } else if (MediaUrls.isS3(url)) {
                    out.add(ContentBlock.fromDocument(DocumentBlock.builder().format(format).name(name)
                            .source(s -> s.s3Location(l -> l.uri(url))).build()));
                } else {
                    String docWhere = "document '" + fileName + "' in " + where;
                    URI uri = fetching.urls().check(operation, modelId, docWhere, url, ACCEPTED_DOCUMENTS);
                    String fetched = "document '" + fileName + "' fetched from " + MediaUrls.mask(url);
                    out.add(fetching.pending().add(placeholderDocument(format, name), () -> fetching.urls()
                            .fetch(operation, modelId, docWhere, uri, MAX_DOCUMENT_BYTES)
                            .thenApply(bytes -> documentBlock(operation, modelId, fetched, format, name, bytes))));
                }
            }
            return out;
        }
        for (Object item : documents instanceof Collection<?> c ? c : List.of(documents)) {
            if (!(item instanceof DocumentBlock db)) {
                throw new BedrockInputException(operation, modelId, where + " holds a " + ExchangeOptions.typeName(item) + "; accepted: "
                        + ACCEPTED_DOCUMENTS);
            }
            out.add(ContentBlock.fromDocument(db));
        }
        return out;
    }

    /** The format a document's file name says; an input error when it says none Converse takes. */
    private static DocumentFormat documentFormat(String operation, String modelId, String fileName) {
        DocumentFormat format = DocumentFormat.fromValue(extension(fileName));
        if (format == null || format == DocumentFormat.UNKNOWN_TO_SDK_VERSION) {
            throw new BedrockInputException(operation, modelId, "document '" + fileName + "' has no known extension;"
                    + " accepted: pdf, csv, doc, docx, xls, xlsx, html, txt, md");
        }
        return format;
    }

    /** One document given as bytes (in the header, or fetched from a URL): size checked. */
    private static ContentBlock documentBlock(String operation, String modelId, String what, DocumentFormat format, String name,
                                              byte[] bytes) {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new BedrockInputException(operation, modelId, what + " has " + bytes.length + " bytes; Converse accepts at most "
                    + MAX_DOCUMENT_BYTES + " bytes per document");
        }
        return ContentBlock.fromDocument(DocumentBlock.builder().format(format).name(name)
                .source(s -> s.bytes(SdkBytes.fromByteArray(bytes))).build());
    }

    private static ContentBlock placeholderDocument(DocumentFormat format, String name) {
        return ContentBlock.fromDocument(DocumentBlock.builder().format(format).name(name)
                .source(s -> s.bytes(SdkBytes.fromByteArray(new byte[0]))).build());
    }

    /** Bedrock document names allow letters, digits, single spaces, hyphens, parentheses and square brackets. */
    static String documentName(String base) {
        String cleaned = base.replaceAll("[^A-Za-z0-9\\-()\\[\\] ]", "-").replaceAll("\\s+", " ").trim();
        return cleaned.isEmpty() ? "document" : cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}
