package dev.hardening.auditor.core.report;

/** The tool that produced a report. */
public record ToolInfo(String name, String version) {
    public static ToolInfo current() {
        String v = ToolInfo.class.getPackage().getImplementationVersion();
        return new ToolInfo("maintainer-hardening-auditor", v == null ? "0.1.0-SNAPSHOT" : v);
    }
}
