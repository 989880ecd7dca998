package dev.hardening.auditor.checks.release.publishanomalies;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release line of a version: its major number, or {@code 0.minor} below 1.0 (where semver treats
 * each minor as a line of its own). A version that does not start with a number is a line of its own.
 */
final class ReleaseLines {
    private static final Pattern LEADING = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?");

    private ReleaseLines() {
    }

    static String of(String version) {
        Matcher m = LEADING.matcher(version.trim());
        if (!m.find()) {
            return version;
        }
        String major = withoutLeadingZeros(m.group(1));
        return major.equals("0") && m.group(2) != null ? "0." + withoutLeadingZeros(m.group(2)) : major;
    }

    private static String withoutLeadingZeros(String digits) {
        return digits.replaceFirst("^0+(?=\\d)", "");
    }
}
