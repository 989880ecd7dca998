package dev.hardening.auditor.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loopback is decided by name, never by what a name resolves to. */
class LoopbackHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]"})
    void loopback(String host) {
        assertThat(LoopbackHosts.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.example.com", "127.0.0.1.nip.io", "127.0.0.256", "1270.0.0.1", "0.0.0.0",
            "localhost.example.com", "api.github.com", "::ffff:8.8.8.8", "10.0.0.1"})
    void notLoopback(String host) {
        assertThat(LoopbackHosts.isLoopback(host)).isFalse();
    }
}
