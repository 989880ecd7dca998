package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PyPI API tokens: {@code pypi-} and a base64 pymacaroons-v2 macaroon whose location is
 * {@code pypi.org} ({@code AgEIcHlwaS5vcmc}) or {@code test.pypi.org} ({@code AgENdGVzdC5weXBpLm9yZw}).
 * This recogniser checks the shape only; decoding the caveats (scope, expiry) is the job of a
 * macaroon decoder, which replaces this class in {@link TokenRecognizers#standard()} where available.
 */
final class PyPITokenRecognizer implements TokenRecognizer {
    static final String DECODER_MISSING = "PyPI token (decoder not available in this build)";
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
        return Optional.of(TokenInspection.of(CredentialKind.PYPI_TOKEN, FormatValidity.WELL_FORMED,
                List.of(location, DECODER_MISSING), t));
    }
}
