package dev.hardening.auditor.core.tokens;

import dev.hardening.auditor.core.tokens.pypi.InvalidTokenException;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenDescription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PyPI API tokens: {@code pypi-} and a base64 pymacaroons-v2 macaroon whose location is
 * {@code pypi.org} ({@code AgEIcHlwaS5vcmc}) or {@code test.pypi.org} ({@code AgENdGVzdC5weXBpLm9yZw}).
 * The shape is checked first; then the macaroon is decoded offline ({@link PyPITokenDescription}) for its
 * scope and expiry. Nothing is sent anywhere.
 */
final class PyPITokenRecognizer implements TokenRecognizer {
    private final Clock clock;

    PyPITokenRecognizer() {
        this(Clock.systemUTC());
    }

    PyPITokenRecognizer(Clock clock) {
        this.clock = clock;
    }
    private static final Pattern SHAPE = Pattern.compile("pypi-[A-Za-z0-9_-]{80,}={0,2}");
    private static final String PYPI_ORG = "pypi-AgEIcHlwaS5vcmc";
    private static final String TEST_PYPI = "pypi-AgENdGVzdC5weXBpLm9yZw";

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        if (!t.startsWith("pypi-")) {
            return Optional.empty();
        }
        if (Placeholders.isPlaceholder(t.substring(5))) {
            return Optional.of(TokenInspection.of(CredentialKind.PYPI_TOKEN, FormatValidity.EXAMPLE, List.of(), t));
        }
        if (!SHAPE.matcher(t).matches()) {
            return Optional.of(TokenInspection.of(CredentialKind.PYPI_TOKEN, FormatValidity.MALFORMED,
                    List.of("expected pypi- and a base64 macaroon of at least 80 characters"), t));
        }
        String location = t.startsWith(PYPI_ORG) ? "issued by pypi.org"
                : t.startsWith(TEST_PYPI) ? "issued by test.pypi.org" : "issued by an unrecognised PyPI instance";
        PyPITokenDescription description;
        try {
            description = PyPITokenDescription.inspect(t, clock.instant());
        } catch (InvalidTokenException e) {
            // The message names what is wrong and never contains the token.
            return Optional.of(TokenInspection.of(CredentialKind.PYPI_TOKEN, FormatValidity.MALFORMED,
                    List.of(location, e.getMessage()), t));
        }
        List<String> details = new ArrayList<>(List.of(location, description.kind(), "scope: " + description.scope(),
                "expiry: " + description.expiry(), "revoke: " + description.revoke()));
        description.caveats().forEach(c -> details.add("caveat: " + c));
        return Optional.of(new TokenInspection(CredentialKind.PYPI_TOKEN, FormatValidity.WELL_FORMED, details,
                description.canDo(), CredentialKind.PYPI_TOKEN.canPublish(), description.fingerprint()));
    }
}
