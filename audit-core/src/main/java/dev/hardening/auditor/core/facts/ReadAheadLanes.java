package dev.hardening.auditor.core.facts;

import dev.hardening.auditor.core.model.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read facts ahead for one audit: one lane per platform, each at most
 * {@code threadsPerLane} threads over a FIFO queue, so that every platform's hosts are kept busy at
 * once instead of one platform's long queue starving the others. The HTTP layer's per-host limit
 * still caps what is in flight on each host; a lane has more threads than that limit so that a
 * lane serving two hosts (PyPI's JSON API and its file host) can fill both.
 *
 * <p>Work here is only ever ahead of need: a task that is rejected, dropped at shutdown or still
 * queued costs nothing, because whoever needs the fact collects it on its own thread (see
 * {@link MemoizedFacts}). No one waits for a queued task, so a full lane cannot deadlock.
 */
public final class ReadAheadLanes {
    /** Twice the HTTP layer's default of 8 requests in flight per host. */
    public static final int DEFAULT_THREADS_PER_LANE = 16;

    private final String name;
    private final int threadsPerLane;
    private final Map<Platform, ThreadPoolExecutor> lanes = new EnumMap<>(Platform.class);
    private boolean closed; // guarded by this

    public ReadAheadLanes(String name, int threadsPerLane) {
        if (threadsPerLane < 1) {
            throw new IllegalArgumentException("threadsPerLane must be at least 1");
        }
        this.name = name;
        this.threadsPerLane = threadsPerLane;
    }

    /** Runs {@code task} on the platform's lane, or not at all once the lanes are shut down. */
    public void execute(Platform platform, Runnable task) {
        ThreadPoolExecutor lane;
        synchronized (this) {
            if (closed) {
                return;
            }
            lane = lanes.computeIfAbsent(platform, this::newLane);
        }
        try {
            lane.execute(task);
        } catch (RejectedExecutionException shutDown) {
            // The audit ended meanwhile; the read-ahead is simply not needed.
        }
    }

    /** Drops queued tasks and interrupts running ones; the threads end soon after. Idempotent. */
    public void shutdownNow() {
        synchronized (this) {
            closed = true;
            lanes.values().forEach(ThreadPoolExecutor::shutdownNow);
        }
    }

    /** Waits for the threads of shut-down lanes to end (for tests). */
    public boolean awaitTermination(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ThreadPoolExecutor> all;
        synchronized (this) {
            all = List.copyOf(lanes.values());
        }
        for (ThreadPoolExecutor lane : all) {
            if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Live threads of all lanes (for tests). */
    public synchronized int threadCount() {
        return lanes.values().stream().mapToInt(ThreadPoolExecutor::getPoolSize).sum();
    }

    private ThreadPoolExecutor newLane(Platform platform) {
        AtomicInteger count = new AtomicInteger();
        String prefix = name + "-read-ahead-" + platform.id() + "-";
        ThreadPoolExecutor lane = new ThreadPoolExecutor(threadsPerLane, threadsPerLane, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, prefix + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        lane.allowCoreThreadTimeOut(true);
        return lane;
    }
}
