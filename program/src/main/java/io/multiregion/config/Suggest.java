package io.multiregion.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The value that was probably meant, for the fix part of a message. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidates closest to a bad value: the one equal to it but for case, else those it begins or that begin it
     * (for a value or candidate of three characters or more: {@code primary} for {@code primaryRegion},
     * {@code cidr} for {@code cidrBlock}), else those within a small edit distance (1 for a value of up to three
     * characters, else a third of its length, at least 2 and at most 3: {@code emial} for {@code email}), nearest first.
     */
    public static List<String> nearest(String value, Collection<String> candidates) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        Optional<String> sameButCase = candidates.stream().filter(c -> c.equalsIgnoreCase(value)).findFirst();
        if (sameButCase.isPresent()) {
            return List.of(sameButCase.get());
        }
        if (value.length() >= 3) {
            String lower = value.toLowerCase(Locale.ROOT);
            List<String> extending = candidates.stream()
                    .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)).sorted().toList();
            if (!extending.isEmpty()) {
                return extending;
            }
            List<String> extended = candidates.stream().filter(c -> c.length() >= 3)
                    .filter(c -> lower.startsWith(c.toLowerCase(Locale.ROOT))).sorted().toList();
            if (!extended.isEmpty()) {
                return extended;
            }
        }
        int limit = value.length() <= 3 ? 1 : Math.min(3, Math.max(2, value.length() / 3));
        int best = candidates.stream().mapToInt(c -> distance(value, c)).min().orElse(Integer.MAX_VALUE);
        if (best > limit) {
            return List.of();
        }
        return candidates.stream().filter(c -> distance(value, c) == best).sorted().toList();
    }

    /** {@code "; did you mean X?"} (or {@code X or Y}), or an empty string when nothing is close. */
    public static String didYouMean(String value, Collection<String> candidates) {
        List<String> near = nearest(value, candidates);
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    /** Levenshtein distance, case-insensitive. */
    public static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
