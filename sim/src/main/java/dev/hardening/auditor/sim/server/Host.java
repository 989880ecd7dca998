package dev.hardening.auditor.sim.server;

/**
 * The services of the simulated world, each on its own loopback address (127.0.0.2 and up), so the
 * auditor sees as many hosts as it would on the Internet and bounds its concurrency per host as it
 * would there. {@link #ELSEWHERE} is a host no service lives on: redirect faults point there.
 */
public enum Host {
    GITHUB("api.github.com", 2, ""),
    NPM("registry.npmjs.org", 3, ""),
    PYPI("pypi.org", 4, ""),
    FILES("files.pythonhosted.org", 5, ""),
    RDAP("rdap (fixed server)", 6, ""),
    HIBP("haveibeenpwned.com", 7, "api/v3/"),
    PWNED_PASSWORDS("api.pwnedpasswords.com", 8, ""),
    ELSEWHERE("another host", 9, "");

    private final String realName;
    private final int loopbackOctet;
    private final String basePath;

    Host(String realName, int loopbackOctet, String basePath) {
        this.realName = realName;
        this.loopbackOctet = loopbackOctet;
        this.basePath = basePath;
    }

    /** The Internet host this one stands for. */
    public String realName() {
        return realName;
    }

    /** The last octet of its 127.0.0.x address. */
    int loopbackOctet() {
        return loopbackOctet;
    }

    /** The API's path under the host, e.g. {@code api/v3/} for Have I Been Pwned. */
    public String basePath() {
        return basePath;
    }
}
