package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.workflows.Registry;
import java.util.List;

/**
 * What a registry itself says about long-lived tokens that can still publish a package, for the rule
 * "a project that publishes with trusted publishing and still has long-lived tokens is FAIL". The
 * GitHub side of that rule (a registry secret still read by a publish workflow) is judged from the
 * workflows; this is the account side.
 *
 * <p>{@link TrustedPublishingCheck} uses {@link NpmTokenInventory} by default: the npm token list of
 * the account that owns NPM_TOKEN (the {@code npm.tokens} fact). PyPI has no API that lists a
 * project's API tokens, so for PyPI the answer is {@link #NOT_INSPECTED}. Another implementation (a
 * private registry's token API, say) can be passed to
 * {@link TrustedPublishingCheck#TrustedPublishingCheck(RegistryTokenInventory)}. It is called from
 * several threads at once (the check's per-package reads run ahead), so it must keep no mutable state.
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

    /** Nothing is claimed either way: the token list is not read (PyPI has none to read). */
    RegistryTokenInventory NOT_INSPECTED = (context, registry, name) -> new Inventory.NotInspected(
            registry == Registry.PYPI ? "PyPI has no API that lists a project's API tokens; check them at https://pypi.org/manage/account/token/"
                    : "the npm token list of the account was not inspected; check it with `npm token list`");
}
