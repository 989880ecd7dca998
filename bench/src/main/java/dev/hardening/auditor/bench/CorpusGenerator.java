package dev.hardening.auditor.bench;

import dev.hardening.auditor.core.scan.SyntheticSecrets;
import dev.hardening.auditor.core.scan.SyntheticSecrets.Sample;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a labelled corpus: source-like files (code, configuration, prose, lock-file noise) with true
 * secrets of every kind planted (valid checksums where the format has one) and decoys (documented
 * example keys, placeholders, wrong checksums, hashes, UUIDs), plus {@code labels.tsv}
 * ({@code path, line, kind, secret|decoy}). Deterministic: the same seed and size give the same bytes.
 *
 * <pre>java -cp ... dev.hardening.auditor.bench.CorpusGenerator DIR SIZE_MB [SEED] [SAMPLES_PER_MB]</pre>
 */
public final class CorpusGenerator {
    private static final String[] WORDS = ("the of and to in is for that on with as by this be are from at or an it not "
            + "which have has was we can all will if when more one their other new may use used data value file function "
            + "return module config option default request response user client server error message list string number "
            + "parse render build test release version package install update cache stream buffer handler event token "
            + "password secret key session cookie header body query result format encode decode input output path").split(" ");
    private static final String[] IDENT = {"config", "options", "result", "buffer", "handler", "items", "value", "count",
            "index", "name", "path", "url", "data", "state", "ctx", "req", "res", "node", "tree", "line", "offset"};

    private final Random random;
    private final SyntheticSecrets secrets;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
        this.secrets = new SyntheticSecrets(new Random(seed * 31 + 7));
    }

    /** One labelled line of the corpus. */
    public record Label(String path, int line, String kind, boolean secret) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator DIR SIZE_MB [SEED] [SAMPLES_PER_MB]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]) * 1024 * 1024;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20260601L;
        double perMb = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        long start = System.nanoTime();
        List<Label> labels = new CorpusGenerator(seed).generate(dir, bytes, perMb);
        long trues = labels.stream().filter(Label::secret).count();
        System.err.printf(Locale.ROOT, "wrote %s: %d MiB, %d secrets and %d decoys in %.1f s%n", dir, bytes >> 20, trues,
                labels.size() - trues, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Writes about {@code bytes} of files under {@code dir} (which must be empty or absent) and returns the labels,
     * also written to {@code dir/labels.tsv}.
     *
     * @param samplesPerMb planted samples (secrets and decoys, half each) per MiB of text
     */
    public List<Label> generate(Path dir, long bytes, double samplesPerMb) throws IOException {
        Files.createDirectories(dir);
        List<Label> labels = new ArrayList<>();
        long written = 0;
        int fileNo = 0;
        List<String> kinds = SyntheticSecrets.KINDS;
        while (written < bytes) {
            int size = 32 * 1024 + random.nextInt(224 * 1024);
            String ext = switch (random.nextInt(6)) {
                case 0 -> "js";
                case 1 -> "py";
                case 2 -> "yaml";
                case 3 -> "md";
                case 4 -> "json";
                default -> "txt";
            };
            String rel = String.format(Locale.ROOT, "src/%03d/file%05d.%s", fileNo / 100, fileNo, ext);
            fileNo++;
            int samples = (int) Math.round(size / 1048576.0 * samplesPerMb + random.nextDouble());
            written += writeFile(dir, rel, size, samples, kinds, labels);
            // Some samples only make sense in their own file (.npmrc, .pypirc, service-account JSON, docker config).
            if (random.nextInt(8) == 0) {
                String kind = kinds.get(random.nextInt(kinds.size()));
                Sample s = random.nextBoolean() ? secrets.secret(kind) : secrets.decoy(kind);
                if (s.fileName() != null) {
                    String own = String.format(Locale.ROOT, "conf/%05d/%s", fileNo, s.fileName());
                    Path p = dir.resolve(own);
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, s.text() + "\n", StandardCharsets.UTF_8);
                    written += s.text().length() + 1;
                    labels.add(new Label(own, 1 + s.lineOffset(), s.kind(), s.secret()));
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            w.write("path\tline\tkind\tlabel\n");
            for (Label l : labels) {
                w.write(l.path() + "\t" + l.line() + "\t" + l.kind() + "\t" + (l.secret() ? "secret" : "decoy") + "\n");
            }
        }
        return labels;
    }

    private long writeFile(Path dir, String rel, int size, int samples, List<String> kinds, List<Label> labels)
            throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        // positions (in lines) where samples go, spread over the file
        int approxLines = Math.max(1, size / 48);
        int[] at = new int[samples];
        for (int i = 0; i < samples; i++) {
            at[i] = 1 + random.nextInt(approxLines);
        }
        java.util.Arrays.sort(at);
        StringBuilder b = new StringBuilder(size + 1024);
        int line = 1;
        int next = 0;
        while (b.length() < size || next < samples) {
            if (next < samples && line >= at[next]) {
                String kind = kinds.get(random.nextInt(kinds.size()));
                boolean secret = random.nextBoolean();
                Sample s = secret ? secrets.secret(kind) : secrets.decoy(kind);
                if (s.fileName() == null) {
                    b.append(s.text()).append('\n');
                    labels.add(new Label(rel, line + s.lineOffset(), s.kind(), s.secret()));
                    line += (int) s.text().chars().filter(c -> c == '\n').count() + 1;
                }
                next++;
                continue;
            }
            b.append(filler()).append('\n');
            line++;
        }
        byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(p, data);
        return data.length;
    }

    /** One line of ordinary text: code, configuration, prose, or the hashes and ids that fill lock files. */
    private String filler() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> sentence();
            case 3 -> "const " + ident() + " = " + ident() + "." + ident() + "(" + ident() + ", " + random.nextInt(1000) + ");";
            case 4 -> "  if (" + ident() + " === null) { return " + ident() + "[" + random.nextInt(64) + "]; }";
            case 5 -> "def " + ident() + "_" + ident() + "(self, " + ident() + "=None):  # " + sentence();
            case 6 -> "  " + ident() + "_" + ident() + ": " + word() + "-" + word();
            case 7 -> "    \"" + ident() + "\": \"" + word() + " " + word() + "\",";
            case 8 -> "\"resolved\": \"https://registry.npmjs.org/" + word() + "/-/" + word() + "-" + random.nextInt(9) + "."
                    + random.nextInt(20) + ".0.tgz\", \"integrity\": \"sha512-" + secrets.pick(SyntheticSecrets.ALNUM + "+/", 86) + "==\"";
            case 9 -> "commit " + secrets.pick("0123456789abcdef", 40) + " id=" + secrets.uuid();
            case 10 -> "color: #" + secrets.pick("0123456789abcdef", 6) + "; margin: " + random.nextInt(40) + "px; // " + word();
            default -> "<p class=\"" + word() + "\">" + sentence() + "</p>";
        };
    }

    private String sentence() {
        int n = 6 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word());
        }
        return b.append('.').toString();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String ident() {
        return IDENT[random.nextInt(IDENT.length)];
    }
}
