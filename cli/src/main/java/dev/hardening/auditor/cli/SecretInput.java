package dev.hardening.auditor.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a secret typed by the user comes from: the console without echo, or standard input when it
 * is piped ({@code pass show npm | auditor token-inspect}). Never the command line, which every
 * process on the machine can read. The secret is returned as a {@code char[]} for the caller to wipe;
 * no {@code String} of it is made here.
 */
interface SecretInput {
    /** Longest secret read; anything longer is refused rather than buffered. */
    int MAX_CHARS = 4096;

    /** The secret (one line, without the line end), or an empty array when nothing was given. */
    char[] read(String prompt) throws IOException;

    /** The console when there is one, else standard input. */
    static SecretInput system() {
        return prompt -> {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("%s", prompt);
                return typed == null ? new char[0] : typed;
            }
            return firstLine(System.in, Charset.defaultCharset());
        };
    }

    /** Standard input as given (tests, pipes). */
    static SecretInput of(InputStream in) {
        return prompt -> firstLine(in, StandardCharsets.UTF_8);
    }

    /** Reads up to the first line end, growing a buffer that is wiped whenever it is replaced. */
    static char[] firstLine(InputStream in, Charset charset) throws IOException {
        Reader reader = new InputStreamReader(in, charset);
        char[] buffer = new char[128];
        int length = 0;
        try {
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (length == MAX_CHARS) {
                    throw new IOException("the input is longer than " + MAX_CHARS + " characters");
                }
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, Math.min(MAX_CHARS, buffer.length * 2));
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            return Arrays.copyOf(buffer, length);
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }
}
