package dev.hardening.auditor.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds every occurrence of a fixed set of ASCII keywords in bytes, case-insensitively, in one pass:
 * an Aho-Corasick automaton compiled to a dense table ({@code state * 256 + byte -> state}), so the
 * inner loop is one array read per byte whatever the number of keywords. This is the pre-filter
 * that keeps regular expressions off the vast majority of the text.
 */
public final class KeywordIndex {
    private final String[] keywords;
    /** Row width of the transition table: byte classes, padded to a power of two. */
    private static final int CLASS_SLOTS = 64;
    private final int[] delta;
    private final int[] classOf;
    /** For each state, the ids of the keywords that end there (its own and those of its suffix states). */
    private final int[][] outputs;

    /** Receives each hit: the keyword's index in the list and the position just after it. */
    @FunctionalInterface
    public interface HitSink {
        void hit(int keyword, int end);
    }

    public KeywordIndex(List<String> keywordList) {
        keywords = keywordList.stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        // Trie over lower-cased bytes.
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        next.add(newRow());
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.length; k++) {
            byte[] bytes = keywords[k].getBytes(StandardCharsets.US_ASCII);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty keyword");
            }
            int s = 0;
            for (byte b : bytes) {
                int c = b & 0xff;
                if (next.get(s)[c] < 0) {
                    next.add(newRow());
                    out.add(new ArrayList<>());
                    next.get(s)[c] = next.size() - 1;
                }
                s = next.get(s)[c];
            }
            out.get(s).add(k);
        }
        int states = next.size();
        // Byte classes: every byte that occurs in no keyword shares class 0; letters fold to one class
        // per letter. A row is then 64 entries instead of 256, so the table stays small enough for
        // the cache however many keywords there are.
        classOf = new int[256];
        int classes = 1;
        int[] classOfLower = new int[256];
        java.util.Arrays.fill(classOfLower, -1);
        for (String k : keywords) {
            for (byte b : k.getBytes(StandardCharsets.US_ASCII)) {
                int c = b & 0xff;
                if (classOfLower[c] < 0) {
                    classOfLower[c] = classes++;
                }
            }
        }
        if (classes > CLASS_SLOTS) {
            throw new IllegalArgumentException("keywords use more than " + (CLASS_SLOTS - 1) + " distinct characters");
        }
        for (int c = 0; c < 256; c++) {
            int l = lower(c);
            classOf[c] = classOfLower[l] < 0 ? 0 : classOfLower[l];
        }
        int[] representative = new int[classes];
        for (int c = 255; c >= 0; c--) {
            if (c == lower(c)) {
                representative[classOf[c]] = c;
            }
        }
        // class 0 must stand for a byte in no keyword
        for (int c = 0; c < 256; c++) {
            if (classOf[c] == 0) {
                representative[0] = c;
                break;
            }
        }
        int[] fail = new int[states];
        int[] dense = new int[states * CLASS_SLOTS];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int cl = 0; cl < classes; cl++) {
            int t = next.get(0)[representative[cl]];
            dense[cl] = Math.max(t, 0);
            if (t > 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int st = queue.poll();
            out.get(st).addAll(out.get(fail[st]));
            for (int cl = 0; cl < classes; cl++) {
                int t = next.get(st)[representative[cl]];
                if (t < 0) {
                    dense[st * CLASS_SLOTS + cl] = dense[fail[st] * CLASS_SLOTS + cl];
                } else {
                    dense[st * CLASS_SLOTS + cl] = t;
                    fail[t] = dense[fail[st] * CLASS_SLOTS + cl];
                    queue.add(t);
                }
            }
        }
        outputs = new int[states][];
        for (int st = 0; st < states; st++) {
            outputs[st] = out.get(st).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
        // Entries hold the next state pre-multiplied by the row width, with the sign bit set when
        // that state ends a keyword: the inner loop is one load, one mask and one sign test per byte.
        delta = new int[states * CLASS_SLOTS];
        for (int i = 0; i < dense.length; i++) {
            int t = dense[i];
            delta[i] = t * CLASS_SLOTS | (outputs[t].length > 0 ? Integer.MIN_VALUE : 0);
        }
    }

    private static int[] newRow() {
        int[] row = new int[256];
        Arrays.fill(row, -1);
        return row;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    public int size() {
        return keywords.length;
    }

    /** The keyword, lower case. */
    public String keyword(int id) {
        return keywords[id];
    }

    /** Reports every keyword occurrence in {@code data[from, to)}, in order of end position. */
    public void scan(byte[] data, int from, int to, HitSink sink) {
        final int[] d = delta;
        final int[] cls = classOf;
        int s = 0;
        for (int i = from; i < to; i++) {
            s = d[(s & Integer.MAX_VALUE) + cls[data[i] & 0xff]];
            if (s < 0) {
                for (int k : outputs[(s & Integer.MAX_VALUE) / CLASS_SLOTS]) {
                    sink.hit(k, i + 1);
                }
            }
        }
    }
}
