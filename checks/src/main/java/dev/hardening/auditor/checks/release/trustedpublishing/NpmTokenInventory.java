package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.facts.npm.NpmToken;
import dev.hardening.auditor.core.facts.npm.NpmTokens;
import dev.hardening.auditor.core.workflows.Registry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's token list behind {@code release.trusted-publishing}, over the {@code npm.tokens} fact
 * ({@code GET /-/npm/v1/tokens} of the account that owns NPM_TOKEN): every live write token of that
 * account can publish the package as far as the list shows, because npm's list does not say which
 * packages a granular token is limited to. Tokens are named by {@link NpmToken#id()}, never by value.
 *
 * <p>Found when the account is a maintainer of the package (or its name could not be read) and holds
 * a write token that is neither revoked nor expired; None when it holds none, or when the account is
 * not a maintainer (its tokens cannot publish the package); NotInspected without NPM_TOKEN, when the
 * list could not be read, or when it was cut short and no write token was seen. PyPI has no API that
 * lists a project's API tokens, so PyPI stays {@link RegistryTokenInventory#NOT_INSPECTED}.
 */
final class NpmTokenInventory implements RegistryTokenInventory {
    static final String SOURCE = "GET /-/npm/v1/tokens";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public Inventory tokensFor(CheckContext context, Registry registry, String packageName) {
        if (registry != Registry.NPM) {
            return NOT_INSPECTED.tokensFor(context, registry, packageName);
        }
        Fact<NpmTokens> fact = context.facts().lookup(NpmFacts.TOKENS);
        if (fact instanceof Fact.Unavailable<NpmTokens> unavailable) {
            return new Inventory.NotInspected("the npm token list could not be read (" + unavailable.unavailability().reason()
                    + "); give NPM_TOKEN of a maintainer, or check it with `npm token list`");
        }
        NpmTokens tokens = ((Fact.Available<NpmTokens>) fact).value();
        Optional<String> account = context.facts().lookup(NpmFacts.PROFILE).valueIfAvailable().map(NpmProfile::name);
        if (account.isPresent() && !maintains(context, account.get(), packageName)) {
            return new Inventory.None(SOURCE + " (account " + account.get() + ", which is not a maintainer of " + packageName + ")");
        }
        Instant now = context.now();
        List<String> found = new ArrayList<>();
        for (NpmToken token : tokens.tokens()) {
            boolean expired = token.expiry().filter(now::isAfter).isPresent();
            if (!token.revoked() && !expired && token.canWrite()) {
                found.add(describe(token));
            }
        }
        String source = SOURCE + account.map(a -> " (account " + a + ")").orElse("");
        if (!found.isEmpty()) {
            return new Inventory.Found(found, source);
        }
        if (!tokens.complete()) {
            return new Inventory.NotInspected("the npm token list has more pages than the auditor reads, and none of the"
                    + " tokens read can publish; check the rest with `npm token list`");
        }
        return new Inventory.None(source);
    }

    /** Whether the account is among the package's maintainers; a packument that cannot be read is not held against it. */
    private static boolean maintains(CheckContext context, String account, String packageName) {
        Optional<NpmPackument> packument = context.facts().lookup(NpmFacts.packument(packageName)).valueIfAvailable();
        return packument.isEmpty() || packument.get().maintainers().stream().map(NpmPerson::name)
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(account.toLowerCase(Locale.ROOT)));
    }

    /** {@code npm-token:abcd12 (write, created 2020-08-12, never expires)}: kind, id and dates, never the value. */
    private static String describe(NpmToken t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.permissions().isEmpty() ? "write" : "write: " + String.join(", ", t.permissions()));
        t.created().ifPresent(c -> parts.add("created " + DATE.format(c)));
        parts.add(t.expiry().map(e -> "expires " + DATE.format(e)).orElse("never expires"));
        t.bypass2fa().filter(b -> b).ifPresent(b -> parts.add("bypasses 2FA"));
        return t.id() + " (" + String.join(", ", parts) + ")";
    }
}
