package dev.hardening.auditor.core.facts;

/**
 * Told when a thread starts and stops waiting for a fact that another thread is collecting, so
 * that whoever bounds the threads doing work (the engine's check slots) can count a waiting
 * thread as idle. Both are called on the waiting thread.
 */
public interface FactWaits {
    FactWaits NONE = new FactWaits() {
        @Override
        public void waiting() {
        }

        @Override
        public void resumed() {
        }
    };

    void waiting();

    void resumed();
}
