package dev.hardening.auditor.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void findsAddressesInTheShapesAuthorsWrite() {
        assertThat(EmailAddresses.extract("hs@ox.cx")).containsExactly("hs@ox.cx");
        assertThat(EmailAddresses.extract("Hynek Schlawack <HS@Ox.cx>, other@example.org"))
                .containsExactly("hs@ox.cx", "other@example.org");
        assertThat(EmailAddresses.extract("\"Doe, Jane\" <jane@example.org>; john+pypi@sub.example.co.uk"))
                .containsExactly("jane@example.org", "john+pypi@sub.example.co.uk");
        assertThat(EmailAddresses.extract("mailto:a.b@example.com.")).containsExactly("a.b@example.com");
        assertThat(EmailAddresses.extract("jane at example dot org")).isEmpty();
        assertThat(EmailAddresses.extract("")).isEmpty();
        assertThat(EmailAddresses.extract(null)).isEmpty();
    }

    @Test
    void recognisesGitHubNoreplyAddresses() {
        assertThat(EmailAddresses.isGitHubNoreply("12345+octocat@users.noreply.github.com")).isTrue();
        assertThat(EmailAddresses.isGitHubNoreply("octocat@users.noreply.github.com")).isTrue();
        assertThat(EmailAddresses.isGitHubNoreply("noreply@github.com")).isTrue();
        assertThat(EmailAddresses.isGitHubNoreply("octocat@github.com")).isFalse();
    }

    @Test
    void registrableDomainFollowsThePublicSuffixList() {
        assertThat(EmailAddresses.registrableDomain("a@mail.example.co.uk")).contains("example.co.uk");
        assertThat(EmailAddresses.registrableDomain("a@gmail.com")).contains("gmail.com");
        assertThat(EmailAddresses.registrableDomain("a@bücher.de")).contains("xn--bcher-kva.de");
        assertThat(EmailAddresses.registrableDomain("a@co.uk")).as("a public suffix").isEmpty();
        assertThat(EmailAddresses.registrableDomain("a@127.0.0.1")).as("an IP address").isEmpty();
        assertThat(EmailAddresses.registrableDomain("no-at-sign")).isEmpty();
    }
}
