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
    private final int[] delta;
    /** For each state, the ids of the keywords that end there (its own and those of its suffix states). */
    private final int[][] outputs;
    private final boolean[] accepting;

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
        int[] fail = new int[states];
        delta = new int[states * 256];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            int t = next.get(0)[lower(c)];
            if (t < 0) {
                delta[c] = 0;
            } else {
                delta[c] = t;
                if (c == lower(c)) {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < 256; c++) {
                int t = next.get(s)[lower(c)];
                if (t < 0) {
                    delta[s * 256 + c] = delta[fail[s] * 256 + c];
                } else {
                    delta[s * 256 + c] = t;
                    if (c == lower(c)) {
                        fail[t] = delta[fail[s] * 256 + c];
                        queue.add(t);
                    }
                }
            }
        }
        outputs = new int[states][];
        accepting = new boolean[states];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
            accepting[s] = outputs[s].length > 0;
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
        final boolean[] acc = accepting;
        int s = 0;
        for (int i = from; i < to; i++) {
            s = d[(s << 8) | (data[i] & 0xff)];
            if (acc[s]) {
                for (int k : outputs[s]) {
                    sink.hit(k, i + 1);
                }
            }
        }
    }
}
