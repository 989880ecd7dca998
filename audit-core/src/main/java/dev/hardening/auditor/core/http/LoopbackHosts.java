package dev.hardening.auditor.core.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts are this machine: {@code localhost}, {@code 127.x.y.z} and {@code ::1}, by their literal
 * names only (a name is never resolved, so {@code 127.example.com} is not loopback). The one place
 * that decides where plain HTTP and credentials without TLS are allowed.
 */
public final class LoopbackHosts {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private LoopbackHosts() {
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
