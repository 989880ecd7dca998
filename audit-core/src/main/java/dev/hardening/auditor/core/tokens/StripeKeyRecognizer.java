package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stripe secret ({@code sk_}) and restricted ({@code rk_}) keys, live or test mode. No checksum.
 * Publishable keys ({@code pk_}) are meant to be public and are not recognised as secrets.
 */
final class StripeKeyRecognizer implements TokenRecognizer {
    private static final Pattern SHAPE = Pattern.compile("(sk|rk)_(live|test)_[0-9A-Za-z]{10,247}");
    /** The test key printed throughout Stripe's API reference. */
    private static final Set<String> DOCUMENTED = Set.of("sk_test_4eC39HqLyjWDarjtT1zdp7dc");

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        if (!(t.startsWith("sk_") || t.startsWith("rk_"))) {
            return Optional.empty();
        }
        boolean live = t.startsWith("sk_live_") || t.startsWith("rk_live_");
        boolean test = t.startsWith("sk_test_") || t.startsWith("rk_test_");
        if (!live && !test) {
            return Optional.empty();
        }
        String mode = live ? "live mode: real charges and payouts" : "test mode: no real money";
        String type = t.startsWith("rk_") ? "restricted key" : "secret key";
        List<String> details = List.of(type, mode);
        if (DOCUMENTED.contains(t) || Placeholders.isPlaceholder(t.substring(8))) {
            return Optional.of(TokenInspection.of(CredentialKind.STRIPE_SECRET_KEY, FormatValidity.EXAMPLE, details, t));
        }
        FormatValidity v = SHAPE.matcher(t).matches() ? FormatValidity.WELL_FORMED : FormatValidity.MALFORMED;
        return Optional.of(TokenInspection.of(CredentialKind.STRIPE_SECRET_KEY, v, details, t));
    }
}
