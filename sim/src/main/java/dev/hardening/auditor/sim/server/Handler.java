package dev.hardening.auditor.sim.server;

/** Answers the requests of one simulated service. */
@FunctionalInterface
public interface Handler {
    SimResponse handle(SimRequest request);
}
