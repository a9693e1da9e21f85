package dev.camelbedrock.emulator.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier accepts what the AWS SDK's own SigV4 signer produces, and nothing else. */
class SigV4VerifierTest {

    static final Instant NOW = Instant.parse("2026-11-22T01:02:03Z");
    static final byte[] BODY = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
    final SigV4Verifier verifier = new SigV4Verifier(k -> k.equals("AKIDEXAMPLE") ? "secret-example" : null, key -> key.equals("good-key"));

    static SignedRequest sign(AwsCredentialsIdentity creds, String encodedPath, String query) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:4566")).encodedPath(encodedPath)
                .putHeader("Content-Type", "application/json");
        if (query != null) {
            for (String p : query.split("&")) {
                String[] kv = p.split("=", 2);
                request.appendRawQueryParameter(kv[0], kv[1]);
            }
        }
        return AwsV4HttpSigner.create().sign(r -> r.identity(creds).request(request.build())
                .payload(ContentStreamProvider.fromByteArray(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    SigV4Verifier.Failure verify(SignedRequest signed, byte[] body, Instant now) {
        SdkHttpRequest r = signed.request();
        Map<String, List<String>> headers = new java.util.HashMap<>(r.headers());
        headers.put("Host", List.of(r.host() + ":" + r.port()));
        String rawQuery = r.encodedQueryParameters().orElse(null);
        return verifier.verify(r.method().name(), r.encodedPath(), rawQuery, headers, body, now);
    }

    @Test
    void acceptsTheSdksSignatureWithPercentEncodedModelIds() {
        var signed = sign(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-example"),
                "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-haiku%3A0/converse", null);
        assertThat(verify(signed, BODY, NOW)).isNull();
    }

    @Test
    void acceptsSessionCredentialsAndQueryStrings() {
        var signed = sign(AwsSessionCredentials.create("AKIDEXAMPLE", "secret-example", "token"), "/provisioned-model-throughputs",
                "statusEquals=InService&creationTimeAfter=2024-01-01T00%3A00%3A00Z&maxResults=10");
        assertThat(verify(signed, BODY, NOW)).isNull();
    }

    @Test
    void rejectsAWrongSecretAnUnknownKeyATamperedBodyAndAStaleDate() {
        assertThat(verify(sign(AwsBasicCredentials.create("AKIDEXAMPLE", "wrong"), "/model/m/converse", null), BODY, NOW).code())
                .isEqualTo("InvalidSignatureException");
        assertThat(verify(sign(AwsBasicCredentials.create("AKIDOTHER", "secret-example"), "/model/m/converse", null), BODY, NOW).code())
                .isEqualTo("UnrecognizedClientException");
        var good = sign(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-example"), "/model/m/converse", null);
        assertThat(verify(good, "{\"messages\":[1]}".getBytes(StandardCharsets.UTF_8), NOW).code()).isEqualTo("InvalidSignatureException");
        assertThat(verify(good, BODY, NOW.plusSeconds(3600)).message()).startsWith("Signature expired");
    }

    @Test
    void bearerKeysAreCheckedAndMissingAuthIsRefused() {
        assertThat(verifier.verify("POST", "/model/m/converse", null, Map.of("Authorization", List.of("Bearer good-key")), BODY, NOW)).isNull();
        assertThat(verifier.verify("POST", "/model/m/converse", null, Map.of("Authorization", List.of("Bearer bad")), BODY, NOW).code())
                .isEqualTo("AccessDeniedException");
        assertThat(verifier.verify("POST", "/model/m/converse", null, Map.of(), BODY, NOW).code())
                .isEqualTo("MissingAuthenticationTokenException");
    }
}
