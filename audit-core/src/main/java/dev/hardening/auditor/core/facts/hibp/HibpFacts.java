package dev.hardening.auditor.core.facts.hibp;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;
import java.util.Locale;

/** The Have I Been Pwned facts that checks can ask for. */
public final class HibpFacts {
    private HibpFacts() {
    }

    private static final FactKey<AccountBreaches> BREACHES =
            FactKey.of("hibp.breaches", Platform.HIBP, AccountBreaches.class);

    /**
     * The breaches of one address (needs HIBP_API_KEY). The address is lower-cased, as HIBP
     * ignores case, so that one address is asked about once.
     */
    public static FactKey<AccountBreaches> breaches(String email) {
        return BREACHES.about(email.trim().toLowerCase(Locale.ROOT));
    }
}
