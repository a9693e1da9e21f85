package dev.camelbedrock.component.client;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Turns the credentials options into an SDK provider. Order: static keys, else a profile, else the SDK default chain;
 * a roleArn then assumes that role on top of whichever was chosen.
 */
final class CredentialsFactory {

    private CredentialsFactory() {
    }

    /** The provider and, when a role is assumed, the STS client that must be closed with it. */
    record Credentials(AwsCredentialsProvider provider, StsClient stsClient) {
    }

    static Credentials create(BedrockClientSettings s) {
        AwsCredentialsProvider base;
        if (s.accessKey() != null || s.secretKey() != null) {
            if (s.accessKey() == null || s.secretKey() == null) {
                throw new IllegalArgumentException(
                        "Static credentials need both accessKey and secretKey; only one of them is set.");
            }
            base = StaticCredentialsProvider.create(s.sessionToken() != null
                    ? AwsSessionCredentials.create(s.accessKey(), s.secretKey(), s.sessionToken())
                    : AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
        } else if (s.profileName() != null) {
            base = ProfileCredentialsProvider.builder().profileName(s.profileName()).build();
        } else {
            base = DefaultCredentialsProvider.builder().build();
        }
        if (s.roleArn() == null) {
            return new Credentials(base, null);
        }
        var sts = StsClient.builder().credentialsProvider(base)
                .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder());
        if (s.region() != null) {
            sts.region(Region.of(s.region()));
        }
        StsClient stsClient = sts.build();
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(stsClient)
                .refreshRequest(r -> {
                    r.roleArn(s.roleArn()).roleSessionName(s.roleSessionName());
                    if (s.roleExternalId() != null) {
                        r.externalId(s.roleExternalId());
                    }
                })
                .build();
        return new Credentials(provider, stsClient);
    }
}
