package dev.simdnn.core.internal.gemm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How the parts of one GEMM share a packed panel of B ({@link GemmDriver#runShared}): a barrier that all parts
 * pass together, and a counter from which they take blocks of rows one at a time. The counter restarts at 0 each
 * time the barrier opens.
 *
 * <p>Taking blocks in turn instead of a fixed half each matters on shared machines: on the 2-vCPU Zen 3 of
 * 2026-12-01 the two halves of one 2048³ SGEMM took 124–263 ms each, independently of each other, and a call
 * waited for the slower. Which thread computes which rows does not change the bits: every C element is summed
 * in the same order whatever the row blocking (see {@link Blocking}).
 *
 * <p>One instance per {@link GemmCall}, reset per call: no allocation in steady state.
 */
final class RowBlockSchedule {
    /** Spin this long at the barrier before sleeping in short naps (the other parts are usually that close). */
    private static final long SPIN_NANOS = 50_000;
    private static final long NAP_NANOS = 20_000;

    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger nextBlock = new AtomicInteger();
    private volatile int generation;
    private volatile boolean aborted;
    private int parties;

    /** Prepares a call of {@code parties} parts; only the calling thread, before the parts start. */
    void reset(int parties) {
        this.parties = parties;
        arrived.set(0);
        nextBlock.set(0);
        aborted = false;
    }

    /** The next block of rows for the calling part, counting from 0 since the barrier last opened. */
    int takeBlock() {
        return nextBlock.getAndIncrement();
    }

    /**
     * Waits until every part has arrived. The last to arrive restarts the block counter and opens the barrier.
     *
     * @throws IllegalStateException if another part failed ({@link #abort}) while this one waited
     */
    void await() {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            nextBlock.set(0);
            generation = gen + 1;          // volatile write: the two resets above are seen by every waiter
            return;
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (generation == gen) {
            if (aborted) {
                throw new IllegalStateException("another part of this GEMM failed");
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, NAP_NANOS);
            }
        }
    }

    /** Releases every part waiting at the barrier, with an exception: a part failed and will never arrive. */
    void abort() {
        aborted = true;
    }
}
