package dev.hardening.auditor.core.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS access key ids: {@code AKIA} long-lived (an IAM user's), {@code ASIA} temporary (STS, used
 * with a session token), with the account id decoded offline ({@link AwsAccessKeyId}). A key id
 * ending in {@code EXAMPLE} is AWS's documentation value. A key id alone is not a credential; the
 * secret access key that goes with it is.
 */
final class AwsAccessKeyRecognizer implements TokenRecognizer {

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        Optional<AwsAccessKeyId> parsed = AwsAccessKeyId.parse(t);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        AwsAccessKeyId key = parsed.get();
        boolean longLived = key.prefix().equals("AKIA") || key.prefix().startsWith("A3T");
        CredentialKind kind = longLived ? CredentialKind.AWS_LONG_LIVED_KEY : CredentialKind.AWS_TEMPORARY_KEY;
        if (t.endsWith("EXAMPLE")) {
            return Optional.of(TokenInspection.of(kind, FormatValidity.EXAMPLE,
                    List.of("AWS documentation's example key id"), t));
        }
        List<String> details = new ArrayList<>();
        details.add(key.accountId().map(id -> "AWS account " + id)
                .orElse("account id not encoded (key issued before 2019, AKIAI/AKIAJ)"));
        details.add("the key id alone grants nothing: the secret access key is the credential");
        return Optional.of(TokenInspection.of(kind, FormatValidity.WELL_FORMED, details, t));
    }
}
