package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.workflows.Registry;
import java.util.List;

/**
 * EXTENSION POINT — what a registry itself says about long-lived tokens that can still publish a
 * package, for the rule "a project that publishes with trusted publishing and still has long-lived
 * tokens is FAIL". The GitHub side of that rule (a registry secret still read by a publish workflow) is
 * judged from the workflows; this is the account side.
 *
 * <p>Not wired yet: the npm token inventory ({@code GET /-/npm/v1/tokens}, an {@code npm.tokens} fact)
 * is being built separately. When it lands, implement this interface over that fact (write tokens,
 * {@code readonly: false}, whose package scope includes the package or is unrestricted, are "found"; the
 * token is described by kind and fingerprint, never by value) and pass the implementation to
 * {@link TrustedPublishingCheck#TrustedPublishingCheck(RegistryTokenInventory)}; the no-argument
 * constructor the service loader uses should then default to it. PyPI has no API that lists a
 * project's API tokens, so for PyPI it stays {@link #NOT_INSPECTED}.
 */
public interface RegistryTokenInventory {

    /** What is known about the long-lived tokens that can publish {@code packageName} on {@code registry}. */
    Inventory tokensFor(CheckContext context, Registry registry, String packageName);

    /** The answer of an inventory. */
    sealed interface Inventory {
        /** The registry's token list was not read; {@code why} says so in the evidence. */
        record NotInspected(String why) implements Inventory {
        }

        /** The list was read and holds no token that can publish the package. */
        record None(String source) implements Inventory {
        }

        /** Tokens that can publish the package, each described by kind and fingerprint, never by value. */
        record Found(List<String> tokens, String source) implements Inventory {
            public Found {
                tokens = List.copyOf(tokens);
            }
        }
    }

    /** Until a token inventory exists: nothing is claimed either way. */
    RegistryTokenInventory NOT_INSPECTED = (context, registry, name) -> new Inventory.NotInspected(
            registry == Registry.PYPI ? "PyPI has no API that lists a project's API tokens; check them at https://pypi.org/manage/account/token/"
                    : "the npm token list of the account was not inspected; check it with `npm token list`");
}
