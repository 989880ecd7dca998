package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code .pypirc} (twine): each index section may hold {@code username} and {@code password}; a
 * password that is an API token starts {@code pypi-} and goes with the user name {@code __token__}.
 * Sections {@code pypi} and {@code testpypi} upload to pypi.org and test.pypi.org unless
 * {@code repository} says otherwise.
 */
final class PypircParser {
    private PypircParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        Map<String, Map<String, IniFile.Entry>> sections = new LinkedHashMap<>();
        for (IniFile.Entry e : IniFile.parse(text, IniFile.Dialect.CONFIGPARSER)) {
            sections.computeIfAbsent(e.section(), s -> new LinkedHashMap<>()).put(e.key().toLowerCase(Locale.ROOT), e);
        }
        sections.forEach((section, keys) -> {
            IniFile.Entry password = keys.get("password");
            if (password == null) {
                return;
            }
            String target = indexOf(section, keys.get("repository"));
            IniFile.Entry user = keys.get("username");
            boolean tokenUser = user != null && user.value().strip().equals("__token__");
            CredentialKind fallback = tokenUser ? CredentialKind.PYPI_TOKEN : CredentialKind.PYPI_PASSWORD;
            Candidate c = Candidate.inFile(password.value(), file, password.line(), "[" + section + "] password", target, fallback);
            if (target.equals("test.pypi.org")) {
                c = c.withCapability("upload releases to TestPyPI (test.pypi.org), not to pypi.org", false);
            } else if (!target.equals("pypi.org")) {
                c = c.withCapability("upload releases to the package index " + target, true);
            }
            out.candidate(c);
        });
    }

    private static String indexOf(String section, IniFile.Entry repository) {
        if (repository != null && !repository.value().isBlank()) {
            String url = repository.value().strip().toLowerCase(Locale.ROOT);
            if (url.contains("test.pypi.org")) {
                return "test.pypi.org";
            }
            if (url.contains("upload.pypi.org") || url.matches("https?://pypi\\.org(/.*)?")) {
                return "pypi.org";
            }
            return url.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        }
        return switch (section.toLowerCase(Locale.ROOT)) {
            case "testpypi" -> "test.pypi.org";
            case "pypi", "server-login" -> "pypi.org";
            default -> section;
        };
    }
}
