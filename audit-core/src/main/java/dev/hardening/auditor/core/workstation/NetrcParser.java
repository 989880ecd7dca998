package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code .netrc} as curl, git and pip read it: whitespace-separated tokens, {@code machine <host>}
 * or {@code default} opening an entry, then {@code login}, {@code password}, {@code account};
 * {@code macdef} defines a macro up to the next empty line. Tokens may be double-quoted.
 */
final class NetrcParser {
    private record Token(String text, int line) {
        @Override
        public String toString() {
            return "Token[line " + line + "]";
        }
    }

    private NetrcParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        List<Token> tokens = tokenize(text);
        String machine = null;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            switch (word) {
                case "machine" -> {
                    machine = i + 1 < tokens.size() ? tokens.get(++i).text().toLowerCase(Locale.ROOT) : null;
                }
                case "default" -> machine = "default";
                case "login", "account" -> i++;
                case "password" -> {
                    if (i + 1 < tokens.size() && machine != null) {
                        Token value = tokens.get(++i);
                        out.candidate(candidate(value, file, machine));
                    }
                }
                default -> {
                    // unknown words are skipped, as curl does
                }
            }
        }
    }

    private static Candidate candidate(Token value, String file, String machine) {
        Candidate c = Candidate.inFile(value.text(), file, value.line(), "machine " + machine + " password", machine,
                CredentialKind.NETRC_PASSWORD);
        if (machine.equals("github.com") || machine.equals("api.github.com") || machine.endsWith(".github.com")) {
            return c.withCapability("push code to and act on " + machine + " as the account it belongs to", true);
        }
        if (machine.equals("registry.npmjs.org")) {
            return c.withCapability("publish npm packages as the account it belongs to", true);
        }
        if (machine.equals("upload.pypi.org") || machine.equals("pypi.org")) {
            return c.withCapability("upload PyPI releases as the account it belongs to", true);
        }
        return c.withCapability("log in to " + machine + " as the account it belongs to", false);
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean inMacro = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (inMacro) {
                if (line.isBlank()) {
                    inMacro = false;
                }
                continue;
            }
            if (line.strip().startsWith("#")) {
                continue;
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                StringBuilder word = new StringBuilder();
                if (c == '"') {
                    i++;
                    while (i < line.length() && line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                            i++;
                        }
                        word.append(line.charAt(i++));
                    }
                    i++;
                } else {
                    while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                        word.append(line.charAt(i++));
                    }
                }
                tokens.add(new Token(word.toString(), n + 1));
                if (word.toString().equals("macdef")) {
                    inMacro = true;
                    break;
                }
            }
        }
        return tokens;
    }
}
