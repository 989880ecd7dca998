package dev.hardening.auditor.checks.pypi.tokenscope;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenDescription;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pypi.token-scope}: the PyPI API token given to the audit, decoded on this machine from its
 * macaroon caveats. Account-wide FAIL, project-scoped without expiry WARN, project-scoped with expiry
 * (or expired, or a short-lived trusted-publishing token) PASS. The token is never sent anywhere;
 * the finding names it by fingerprint, in its subject and in the {@code tokens} attribute.
 */
public final class PyPITokenScopeCheck implements Check {
    static final String SOURCE = "PYPI_TOKEN, decoded offline";
    /** The finding attribute that names the token by fingerprint, read by snapshot diffs and the team view. */
    static final String TOKENS_ATTRIBUTE = "tokens";
    static final String NEEDED = "PYPI_TOKEN or --pypi-token-file with the token your uploads use (decoded offline, never sent)";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<PyPITokenInfo> fact = context.facts().lookup(PyPIFacts.TOKEN_SCOPE);
        if (fact instanceof Fact.Unavailable<PyPITokenInfo> unavailable) {
            Unavailability why = unavailable.unavailability();
            if (why.cause() == Unavailability.Cause.NO_CREDENTIAL || why.cause() == Unavailability.Cause.NOT_CONFIGURED) {
                return List.of(context.unknown("PyPI token", "No PyPI token was given, so its scope cannot be read;"
                        + " PyPI does not list an account's tokens through any API.", NEEDED));
            }
            return List.of(context.unknown("PyPI token", why));
        }
        PyPITokenInfo info = ((Fact.Available<PyPITokenInfo>) fact).value();
        // The fingerprint in the tokens attribute lets snapshot diffs show a token replaced by another.
        return List.of(judge(context, info).withAttribute(TOKENS_ATTRIBUTE, List.of(info.fingerprint())));
    }

    private static Finding judge(CheckContext context, PyPITokenInfo info) {
        PyPITokenDescription d = PyPITokenDescription.of(info, context.now());
        String subject = "PyPI token " + info.fingerprint();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("kind", d.kind(), SOURCE));
        evidence.add(Evidence.of("scope", d.scope(), SOURCE));
        evidence.add(Evidence.of("expiry", d.expiry(), SOURCE));
        for (String caveat : info.caveats()) {
            evidence.add(Evidence.of("caveat", caveat, SOURCE));
        }
        if (info.isExpiredAt(context.now())) {
            return context.pass(subject, "The PyPI token has expired (" + d.expiry() + "); remove it from where it is"
                    + " stored.", evidence);
        }
        if (info.scope() == Scope.TRUSTED_PUBLISHER && info.expiresAt().isPresent()) {
            return context.pass(subject, "This is a short-lived token minted by trusted publishing; it "
                    + d.expiry() + ".", evidence);
        }
        if (info.scope() == Scope.ACCOUNT) {
            if (info.unrecognisedCaveats() > 0) {
                return context.unknown(subject, "The token carries " + info.unrecognisedCaveats()
                                + " caveat(s) this auditor does not know, which may limit it to some projects.",
                        "an auditor release that knows the caveat, or the token's scope as PyPI's account page shows it",
                        evidence.toArray(Evidence[]::new));
            }
            return context.fail(subject, "The PyPI token can upload to every project of the account, including"
                    + " projects created later, and " + d.expiry() + ": one leak publishes anywhere, as the stolen tokens"
                    + " of the 2022 ctx takeover and the leftover token of ultralytics 8.3.45 did. Replace it with a"
                    + " token scoped to one project, or with trusted publishing.", evidence);
        }
        if (info.expiresAt().isEmpty()) {
            return context.warn(subject, "The PyPI token is limited to " + d.scope().replaceFirst("^only ", "")
                    + " but never expires: if it leaks it stays useful until someone remembers to remove it.", evidence);
        }
        return context.pass(subject, "The PyPI token is limited to " + d.scope().replaceFirst("^only ", "")
                + " and " + d.expiry() + ".", evidence);
    }
}
