package dev.hardening.auditor.core.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read facts ahead for one audit: one lane per platform (and one for PyPI's file
 * host, see {@link FactKey#lane}), each at most
 * {@code threadsPerLane} threads over a FIFO queue, so that every host is kept busy at once instead
 * of one platform's long queue starving the others. The HTTP layer's per-host limit still caps what
 * is in flight on each host, and its per-host turns (fair, so first come first served) order each
 * host's requests; a lane has more threads than that limit so that its host never waits for the
 * lane to hand it the next request.
 *
 * <p>A lane counts its working threads, not those waiting for a fact another thread is collecting
 * (see {@link #waits}): a thread that starts waiting lets the lane start one more, so that tasks
 * waiting on another platform's facts cannot hold back the queued tasks that would keep this
 * platform's hosts busy. A lane grows so, to at most {@value #GROWTH} times its size.
 *
 * <p>Work here is only ever ahead of need: a task that is rejected, dropped at shutdown or still
 * queued costs nothing, because whoever needs the fact collects it on its own thread (see
 * {@link MemoizedFacts}). No one waits for a queued task, so a full lane cannot deadlock.
 */
public final class ReadAheadLanes {
    /**
     * Twice the HTTP layer's default of 8 requests in flight per host: each lane reads mostly from
     * one host (PyPI's file host has its own lane), so 8 threads can be in flight while 8 more have
     * their next request ready; threads waiting for facts other threads collect do not count, the
     * lane grows past them (see {@link #waits}). 64 threads measured no faster and ran 3 times the
     * threads (docs/PERFORMANCE.md).
     */
    public static final int DEFAULT_THREADS_PER_LANE = 16;

    /** How many times its size a lane may grow to while its threads wait for other threads' collections. */
    static final int GROWTH = 4;

    /** The lane the current thread works for, if it is a lane thread. */
    private final ThreadLocal<ThreadPoolExecutor> current = new ThreadLocal<>();
    private final String name;
    private final int threadsPerLane;
    private final Map<String, ThreadPoolExecutor> lanes = new HashMap<>();
    /** Per lane, how many of its threads wait for another thread's collection right now. */
    private final Map<ThreadPoolExecutor, Integer> waitingThreads = new ConcurrentHashMap<>();
    private boolean closed; // guarded by this

    public ReadAheadLanes(String name, int threadsPerLane) {
        if (threadsPerLane < 1) {
            throw new IllegalArgumentException("threadsPerLane must be at least 1");
        }
        this.name = name;
        this.threadsPerLane = threadsPerLane;
    }

    /** Runs {@code task} on the named lane, or not at all once the lanes are shut down. */
    public void execute(String laneName, Runnable task) {
        ThreadPoolExecutor lane;
        synchronized (this) {
            if (closed) {
                return;
            }
            lane = lanes.computeIfAbsent(laneName, this::newLane);
        }
        ThreadPoolExecutor own = lane;
        try {
            lane.execute(() -> {
                current.set(own);
                try {
                    task.run();
                } finally {
                    current.remove();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            // The audit ended meanwhile; the read-ahead is simply not needed.
        }
    }

    /** Lets a lane thread's lane start another thread while it waits, and shrink back after. */
    public FactWaits waits() {
        return new FactWaits() {
            @Override
            public void waiting() {
                ThreadPoolExecutor lane = current.get();
                if (lane != null) {
                    resize(lane, +1);
                }
            }

            @Override
            public void resumed() {
                ThreadPoolExecutor lane = current.get();
                if (lane != null) {
                    resize(lane, -1);
                }
            }
        };
    }

    /**
     * Grows or shrinks a lane by one thread, within its size and {@link #GROWTH} times it. Growing
     * starts a thread for a queued task at once; a shrunk lane's extra threads end when idle.
     * The waits are counted even beyond the cap, so that the lane returns to its size exactly.
     */
    private void resize(ThreadPoolExecutor lane, int delta) {
        synchronized (lane) {
            int waiting = waitingThreads.merge(lane, delta, Integer::sum);
            int size = Math.min(threadsPerLane * GROWTH, threadsPerLane + Math.max(0, waiting));
            if (size > lane.getMaximumPoolSize()) {
                lane.setMaximumPoolSize(size);
                lane.setCorePoolSize(size);
            } else if (size < lane.getCorePoolSize()) {
                lane.setCorePoolSize(size);
                lane.setMaximumPoolSize(size);
            }
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

    /** Each lane's current size, the threads it may run at once (for tests). */
    synchronized Map<String, Integer> laneSizes() {
        Map<String, Integer> out = new HashMap<>();
        lanes.forEach((n, l) -> out.put(n, l.getCorePoolSize()));
        return out;
    }

    /** Live threads of all lanes (for tests). */
    public synchronized int threadCount() {
        return lanes.values().stream().mapToInt(ThreadPoolExecutor::getPoolSize).sum();
    }

    private ThreadPoolExecutor newLane(String laneName) {
        AtomicInteger count = new AtomicInteger();
        String prefix = name + "-read-ahead-" + laneName + "-";
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
