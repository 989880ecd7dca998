package dev.hardening.auditor.sim.server;

import dev.hardening.auditor.sim.api.Services;
import dev.hardening.auditor.sim.world.World;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link World} on loopback: every service of {@link Host} on its own address
 * (127.0.0.2 and up; 127.0.0.1 with distinct ports where the system offers no other loopback
 * address), with per-host latency, rate limits and faults that can change while it runs. Nothing
 * is bound outside loopback.
 */
public final class SimServer implements Closeable {
    private final World world;
    private final Map<Host, HostServer> servers = new EnumMap<>(Host.class);
    private final Map<Host, Behaviour> behaviours = new EnumMap<>(Host.class);
    private final Map<Host, ConcurrencyGate> gates = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final RequestLog log = new RequestLog();
    private final ExecutorService threads;

    private SimServer(World world, Behaviour everywhere) {
        this.world = world;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (Host h : Host.values()) {
            behaviours.put(h, everywhere);
        }
    }

    /** Starts every host of the world, each answering after {@code everywhere}'s latency and limits. */
    public static SimServer start(World world, Behaviour everywhere) {
        SimServer s = new SimServer(world, everywhere);
        try {
            for (Host h : Host.values()) {
                s.servers.put(h, bind(h, s));
            }
        } catch (IOException e) {
            s.close();
            throw new UncheckedIOException("cannot bind the simulated hosts on loopback", e);
        }
        Map<Host, Handler> handlers = Services.handlers(world, s::baseUrl);
        s.servers.forEach((h, server) -> server.start(handlers.getOrDefault(h, Services.notFound())));
        return s;
    }

    public static SimServer start(World world) {
        return start(world, Behaviour.instant());
    }

    private static HostServer bind(Host h, SimServer s) throws IOException {
        try {
            InetAddress own = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) h.loopbackOctet()});
            return new HostServer(h, new InetSocketAddress(own, 0), s, s.threads);
        } catch (IOException noSuchLoopback) {
            // macOS has only 127.0.0.1 by default: the hosts then differ by port only.
            return new HostServer(h, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), s, s.threads);
        }
    }

    public World world() {
        return world;
    }

    public RequestLog log() {
        return log;
    }

    /** {@code http://127.0.0.N:PORT/} plus the service's base path. */
    public String baseUrl(Host h) {
        HostServer s = servers.get(h);
        return "http://" + s.address() + ":" + s.port() + "/" + h.basePath();
    }

    /** The host name (address) the auditor sees for a service. */
    public String hostName(Host h) {
        return servers.get(h).address();
    }

    public Behaviour behaviour(Host h) {
        return behaviours.get(h);
    }

    public SimServer behave(Host h, Behaviour b) {
        behaviours.put(h, b);
        return this;
    }

    /** Holds the host's requests until the gate's number are in flight at once (see {@link ConcurrencyGate}). */
    public SimServer gate(Host h, ConcurrencyGate gate) {
        gates.put(h, gate);
        return this;
    }

    Optional<ConcurrencyGate> gate(Host h) {
        return Optional.ofNullable(gates.get(h));
    }

    public SimServer fault(FaultRule rule) {
        faults.add(rule);
        return this;
    }

    public void clearFaults() {
        faults.clear();
    }

    Optional<Fault> faultFor(SimRequest request) {
        for (FaultRule r : faults) {
            if (r.strikes(request)) {
                return Optional.of(r.fault());
            }
        }
        return Optional.empty();
    }

    /**
     * The auditor's environment for this world: base URLs ({@code AUDITOR_*_URL}) and the tokens the
     * world accepts, as a user would set them.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AUDITOR_GITHUB_API_URL", baseUrl(Host.GITHUB));
        env.put("AUDITOR_NPM_REGISTRY_URL", baseUrl(Host.NPM));
        env.put("AUDITOR_PYPI_URL", baseUrl(Host.PYPI));
        env.put("AUDITOR_HIBP_URL", baseUrl(Host.HIBP));
        env.put("AUDITOR_PWNED_PASSWORDS_URL", baseUrl(Host.PWNED_PASSWORDS));
        env.put("AUDITOR_RDAP_URL", baseUrl(Host.RDAP));
        env.put("GITHUB_TOKEN", World.GITHUB_TOKEN);
        env.put("NPM_TOKEN", World.NPM_TOKEN);
        env.put("HIBP_API_KEY", World.HIBP_KEY);
        return env;
    }

    @Override
    public void close() {
        for (HostServer s : servers.values()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
