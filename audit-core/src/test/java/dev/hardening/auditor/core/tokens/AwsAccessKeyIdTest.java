package dev.hardening.auditor.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsAccessKeyIdTest {

    /** Published examples (psanford/aws-account-id-from-key and the aws_account_id_from_key_id docs). */
    @Test
    void decodes_the_account_id_of_published_examples() {
        assertThat(AwsAccessKeyId.parse("ASIAY34FZKBOKMUTVV7A").orElseThrow().accountId()).contains("609629065308");
        assertThat(AwsAccessKeyId.parse("ASIAY34FZKBOKMUTVV7A").orElseThrow().temporary()).isTrue();
    }

    @Test
    void long_lived_keys_and_legacy_keys_and_non_keys() {
        var k = AwsAccessKeyId.parse("AKIAQYLPMN5HHHFPZAM2").orElseThrow();
        assertThat(k.temporary()).isFalse();
        assertThat(k.prefix()).isEqualTo("AKIA");
        assertThat(AwsAccessKeyId.parse("AKIAIOSFODNN7EXAMPLE").orElseThrow().accountId()).isEmpty();
        assertThat(AwsAccessKeyId.parse("AKIA123")).isEmpty();
        assertThat(AwsAccessKeyId.parse("akiaqylpmn5hhhfpzam2")).isEmpty();
    }
}
