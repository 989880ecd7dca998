package dev.hardening.auditor.core.tokens.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.nitram509.jmacaroons.CaveatPacket;
import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import com.github.nitram509.jmacaroons.MacaroonsSerializer;
import dev.hardening.auditor.core.secrets.Masking;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Format;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Index;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Scope;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a PyPI API token offline: {@code pypi-} followed by a pymacaroons v2 macaroon in
 * URL-safe base64 (libmacaroons v2 binary format, parsed with jmacaroons). Its caveats say what it
 * may do: current JSON arrays {@code [0,exp,nbf]} Expiration, {@code [1,[names]]} ProjectName,
 * {@code [2,[ids]]} ProjectID, {@code [3,user_id]} RequestUser, {@code [4,publisher,...]}
 * OIDCPublisher; legacy objects {@code {"version":1,"permissions":"user"|{"projects":[...]}}},
 * {@code {"exp":..,"nbf":..}} and {@code {"project_ids":[...]}} (pypi/warehouse
 * {@code warehouse/macaroons/caveats/}).
 *
 * <p>Nothing is sent anywhere: the signature cannot be checked without PyPI's key, so a decoded
 * token is one PyPI would read this way, not one proven to be valid. Errors never contain the token.
 */
public final class PyPITokenDecoder {
    public static final String PREFIX = "pypi-";
    /** Real tokens are a few hundred characters; far longer input is not a token. */
    static final int MAX_LENGTH = 8 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PyPITokenDecoder() {
    }

    public static PyPITokenInfo decode(CharSequence token) throws InvalidTokenException {
        if (token == null || token.toString().isBlank()) {
            throw new InvalidTokenException("No token was given.");
        }
        if (token.length() > MAX_LENGTH) {
            throw new InvalidTokenException("The text is " + token.length() + " characters long, far longer than a"
                    + " PyPI API token; is it the right input?");
        }
        String text = token.toString().strip();
        if (!text.startsWith(PREFIX)) {
            throw new InvalidTokenException("This is not a PyPI API token: those start with \"pypi-\".");
        }
        String body = text.substring(PREFIX.length());
        byte[] raw = base64(body);
        if (raw.length == 0 || raw[0] != 2) {
            throw new InvalidTokenException("The token does not hold a version 2 macaroon, which every PyPI API token"
                    + " is; it may be cut short or not a PyPI token.");
        }
        Macaroon macaroon;
        try {
            // jmacaroons reads both base64 alphabets; hand it the URL-safe spelling pymacaroons writes.
            macaroon = MacaroonsBuilder.deserialize(Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                    MacaroonsSerializer.V2);
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidTokenException("The token is truncated or corrupt: its macaroon cannot be decoded.");
        }
        if (macaroon == null || macaroon.identifier == null || macaroon.signature == null) {
            throw new InvalidTokenException("The token is truncated or corrupt: its macaroon has no identifier or signature.");
        }
        Index index = index(macaroon.location);
        return caveats(index, "pypi-… " + Masking.fingerprint(text), macaroon.caveatPackets == null ? new CaveatPacket[0] : macaroon.caveatPackets);
    }

    private static byte[] base64(String body) throws InvalidTokenException {
        if (body.isEmpty()) {
            throw new InvalidTokenException("The token has nothing after \"pypi-\".");
        }
        String urlSafe = body.replace('+', '-').replace('/', '_');
        for (int i = 0; i < urlSafe.length(); i++) {
            char c = urlSafe.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '=' && i >= urlSafe.length() - 2;
            if (!ok) {
                throw new InvalidTokenException("The token contains a character base64 does not use at position "
                        + (PREFIX.length() + i + 1) + "; was it cut or pasted together with other text?");
            }
        }
        try {
            return Base64.getUrlDecoder().decode(urlSafe);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("The token is truncated or corrupt: it is not valid base64 (its length does not fit).");
        }
    }

    private static Index index(String location) throws InvalidTokenException {
        for (Index i : Index.values()) {
            if (i.location().equals(location)) {
                return i;
            }
        }
        String shown = location == null || location.isEmpty() ? "no location" : "the location '" + printable(location) + "'";
        throw new InvalidTokenException("The macaroon carries " + shown + ", not pypi.org or test.pypi.org: it is not"
                + " a token PyPI issued.");
    }

    private static PyPITokenInfo caveats(Index index, String fingerprint, CaveatPacket[] packets) {
        Reading r = new Reading();
        for (int i = 0; i < packets.length; i++) {
            CaveatPacket p = packets[i];
            if (p.getType() != CaveatPacket.Type.cid) {
                continue;
            }
            boolean thirdParty = i + 1 < packets.length && packets[i + 1].getType() == CaveatPacket.Type.vid;
            if (thirdParty) {
                r.unrecognised("a third-party caveat (PyPI issues none)");
                continue;
            }
            Optional<JsonNode> json = json(p.getRawValue());
            if (json.isEmpty()) {
                r.unrecognised("a caveat that is not JSON");
            } else if (json.get().isArray()) {
                r.current++;
                current(json.get(), r);
            } else if (json.get().isObject()) {
                r.legacy++;
                legacy(json.get(), r);
            } else {
                r.unrecognised("a caveat of an unknown shape");
            }
        }
        Scope scope = r.oidcPublisher.isPresent() ? Scope.TRUSTED_PUBLISHER
                : r.restrictedToProjects ? Scope.PROJECTS : Scope.ACCOUNT;
        Format format = r.current > 0 && r.legacy > 0 ? Format.MIXED
                : r.current > 0 ? Format.CURRENT : r.legacy > 0 ? Format.LEGACY : Format.NONE;
        return new PyPITokenInfo(index, fingerprint, format, scope, r.names, r.ids, r.user, r.oidcPublisher,
                r.expiresAt, r.notBefore, r.lines, r.unrecognised);
    }

    /** {@code [tag, ...]} as warehouse serialises its caveats today. */
    private static void current(JsonNode a, Reading r) {
        JsonNode tag = a.path(0);
        if (!tag.isIntegralNumber()) {
            r.unrecognised("an array caveat without a numeric tag");
            return;
        }
        switch (tag.intValue()) {
            case 0 -> expiration(a.path(1), a.path(2), r, "[0, expires_at, not_before]");
            case 1 -> projects(a.path(1), r.names, r, "project names");
            case 2 -> projects(a.path(1), r.ids, r, "project ids");
            case 3 -> {
                if (a.path(1).isTextual()) {
                    r.user = Optional.of(printable(a.path(1).asText()));
                    r.lines.add("bound to user id " + r.user.get());
                } else {
                    r.unrecognised("a RequestUser caveat without a user id");
                }
            }
            case 4 -> {
                if (a.path(1).isTextual() || a.path(1).isIntegralNumber()) {
                    r.oidcPublisher = Optional.of(printable(a.path(1).asText()));
                    r.lines.add("minted by trusted publisher " + r.oidcPublisher.get());
                } else {
                    r.unrecognised("an OIDCPublisher caveat without a publisher id");
                }
            }
            default -> r.unrecognised("a caveat with the unknown tag " + tag.intValue());
        }
    }

    /** The legacy JSON objects, which warehouse still accepts. */
    private static void legacy(JsonNode o, Reading r) {
        if (o.has("permissions")) {
            JsonNode permissions = o.get("permissions");
            if (permissions.isTextual() && permissions.asText().equals("user")) {
                r.lines.add("legacy permissions \"user\": every project of the account");
            } else if (permissions.isObject() && permissions.has("projects")) {
                projects(permissions.get("projects"), r.names, r, "legacy project names");
            } else {
                r.unrecognised("a legacy permissions caveat of an unknown shape");
            }
        } else if (o.has("exp") || o.has("nbf")) {
            expiration(o.path("exp"), o.path("nbf"), r, "legacy {exp, nbf}");
        } else if (o.has("project_ids")) {
            projects(o.get("project_ids"), r.ids, r, "legacy project ids");
        } else {
            r.unrecognised("a legacy caveat of an unknown shape");
        }
    }

    private static void expiration(JsonNode exp, JsonNode nbf, Reading r, String form) {
        if (!exp.isIntegralNumber() || !nbf.isIntegralNumber()) {
            r.unrecognised("an expiration caveat " + form + " without whole-second times");
            return;
        }
        try {
            Instant expires = Instant.ofEpochSecond(exp.longValue());
            Instant notBefore = Instant.ofEpochSecond(nbf.longValue());
            r.expiresAt = Optional.of(r.expiresAt.filter(e -> e.isBefore(expires)).orElse(expires));
            r.notBefore = Optional.of(r.notBefore.filter(n -> n.isAfter(notBefore)).orElse(notBefore));
            r.lines.add("valid from " + notBefore + " until " + expires);
        } catch (DateTimeException e) {
            r.unrecognised("an expiration caveat with times out of range");
        }
    }

    private static void projects(JsonNode list, List<String> into, Reading r, String what) {
        if (!list.isArray()) {
            r.unrecognised("a " + what + " caveat without a list");
            return;
        }
        List<String> found = new ArrayList<>();
        list.forEach(n -> {
            if (n.isTextual()) {
                found.add(printable(n.asText()));
            }
        });
        r.restrictedToProjects = true;
        found.stream().filter(f -> !into.contains(f)).forEach(into::add);
        r.lines.add(what + ": " + (found.isEmpty() ? "(none)" : String.join(", ", found)));
    }

    private static Optional<JsonNode> json(byte[] raw) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            JsonNode node = JSON.readTree(text);
            return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Text from inside a token, made safe to print: no control characters, at most 80 characters. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.codePointCount(0, s.length()) > 80 ? b + "…" : b.toString();
    }

    /** What the caveats said so far. */
    private static final class Reading {
        final List<String> names = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        Optional<String> user = Optional.empty();
        Optional<String> oidcPublisher = Optional.empty();
        Optional<Instant> expiresAt = Optional.empty();
        Optional<Instant> notBefore = Optional.empty();
        boolean restrictedToProjects;
        int current;
        int legacy;
        int unrecognised;

        void unrecognised(String what) {
            unrecognised++;
            lines.add("unrecognised: " + what);
        }
    }
}
