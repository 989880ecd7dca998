package dev.hardening.auditor.core.clients.hibp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.Timestamps;
import dev.hardening.auditor.core.facts.hibp.Breach;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Masking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Have I Been Pwned API v3 client. The {@code hibp-api-key} header is attached by the HTTP layer;
 * this client only needs to know whether there is a key.
 */
public final class HibpClient {
    private final HttpGateway gateway;
    private final HttpUrl baseUrl;
    private final boolean hasKey;

    public HibpClient(HttpGateway gateway, HttpUrl baseUrl, boolean hasKey) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.hasKey = hasKey;
    }

    public boolean hasKey() {
        return hasKey;
    }

    /**
     * {@code GET /breachedaccount/{address}?truncateResponse=false}: every breach the address is in,
     * empty when HIBP knows none (404).
     */
    public List<Breach> breachedAccount(String email) throws FetchException {
        if (!hasKey) {
            throw Failures.noCredential("the breach lookup needs an HIBP API key (https://haveibeenpwned.com/API/Key)",
                    "set HIBP_API_KEY");
        }
        String address = email == null ? "" : email.trim();
        if (address.indexOf('@') <= 0 || address.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw Failures.invalidName("'" + Masking.email(address) + "' is not an email address",
                    "check the --email value");
        }
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegment("breachedaccount")
                // HIBP asks for the account to be URL-encoded; '+' and '@' would otherwise pass as-is.
                .addEncodedPathSegment(percentEncode(address))
                .addQueryParameter("truncateResponse", "false")
                .build();
        // The resource names the address masked: it is shown in messages and logs.
        ApiRequest request = ApiRequest.get(Platform.HIBP, url, "GET /breachedaccount/" + Masking.email(address))
                .withHeader("Accept", "application/json");
        Optional<JsonNode> json = gateway.getJsonIfFound(request);
        if (json.isEmpty()) {
            return List.of();
        }
        if (!json.get().isArray()) {
            throw Failures.malformed("Have I Been Pwned answered " + request.resource() + " with something other than a list of breaches",
                    "retry later; if it persists, report it with --debug output", 200);
        }
        List<Breach> breaches = new ArrayList<>();
        for (JsonNode b : JsonFields.elements(json.get())) {
            if (b.isObject()) {
                breaches.add(parseBreach(b));
            }
        }
        return breaches;
    }

    static Breach parseBreach(JsonNode b) {
        return new Breach(
                JsonFields.textOrEmpty(b, "Name"),
                JsonFields.text(b, "Title").orElse(JsonFields.textOrEmpty(b, "Name")),
                JsonFields.textOrEmpty(b, "Domain"),
                JsonFields.text(b, "BreachDate").flatMap(Timestamps::parseDate),
                JsonFields.instant(b, "AddedDate"),
                JsonFields.number(b, "PwnCount").orElse(0L),
                JsonFields.strings(b, "DataClasses"),
                JsonFields.bool(b, "IsVerified").orElse(false),
                JsonFields.bool(b, "IsFabricated").orElse(false),
                JsonFields.bool(b, "IsSensitive").orElse(false),
                JsonFields.bool(b, "IsRetired").orElse(false),
                JsonFields.bool(b, "IsSpamList").orElse(false),
                JsonFields.bool(b, "IsMalware").orElse(false));
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters. */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
