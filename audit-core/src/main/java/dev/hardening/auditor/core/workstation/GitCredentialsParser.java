package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.CredentialKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * git's plain-text credential store ({@code git credential-store}): one URL per line,
 * {@code https://user:password@host[/path]}, user and password percent-encoded.
 */
final class GitCredentialsParser {
    private GitCredentialsParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int scheme = line.indexOf("://");
            int at = line.lastIndexOf('@');
            if (scheme < 0 || at < scheme) {
                continue;
            }
            String userInfo = line.substring(scheme + 3, at);
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String rest = line.substring(at + 1);
            int slash = rest.indexOf('/');
            String hostPort = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
            String user = percentDecode(userInfo.substring(0, colon));
            String password = percentDecode(userInfo.substring(colon + 1));
            Candidate c = Candidate.inFile(password, file, i + 1, line.substring(0, scheme + 3) + user + ":***@" + hostPort,
                    hostPort, CredentialKind.GIT_HOST_CREDENTIAL)
                    .withCapability("push code to the repositories on " + hostPort + " that " + user + " can write to", true);
            out.candidate(c);
        }
    }

    /** RFC 3986 percent-decoding ({@code +} stays a plus, unlike form decoding). */
    static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
