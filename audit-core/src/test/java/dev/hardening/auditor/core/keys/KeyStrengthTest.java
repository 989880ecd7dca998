package dev.hardening.auditor.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyStrengthTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(KeyDescription.sized(KeyAlgorithm.RSA, 1024), KeyStrength.WEAK),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.RSA, 2047), KeyStrength.WEAK),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.RSA, 2048), KeyStrength.LEGACY),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.RSA, 3071), KeyStrength.LEGACY),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.RSA, 3072), KeyStrength.STRONG),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.RSA, 4096), KeyStrength.STRONG),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.DSA, 1024), KeyStrength.WEAK),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.DSA, 3072), KeyStrength.WEAK),
                Arguments.of(KeyDescription.sized(KeyAlgorithm.ELGAMAL, 1024), KeyStrength.WEAK),
                Arguments.of(KeyDescription.curve(KeyAlgorithm.ECDSA, "NIST P-256", 256), KeyStrength.STRONG),
                Arguments.of(KeyDescription.curve(KeyAlgorithm.ECDSA, "NIST P-521", 521), KeyStrength.STRONG),
                Arguments.of(KeyDescription.curve(KeyAlgorithm.ECDSA, "curve 1.2.3", 0), KeyStrength.UNKNOWN),
                Arguments.of(KeyDescription.curve(KeyAlgorithm.ECDSA, "secp192r1", 192), KeyStrength.WEAK),
                Arguments.of(KeyDescription.curve(KeyAlgorithm.EDDSA, "Ed25519", 255), KeyStrength.STRONG),
                Arguments.of(new KeyDescription(KeyAlgorithm.RSA, java.util.OptionalInt.empty(), java.util.Optional.empty()),
                        KeyStrength.UNKNOWN),
                Arguments.of(KeyDescription.unknown(), KeyStrength.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("keys")
    void strengthByAlgorithmAndSize(KeyDescription key, KeyStrength expected) {
        KeyStrength.Assessment a = KeyStrength.of(key);

        assertThat(a.strength()).isEqualTo(expected);
        assertThat(a.reason()).isNotBlank();
    }
}
