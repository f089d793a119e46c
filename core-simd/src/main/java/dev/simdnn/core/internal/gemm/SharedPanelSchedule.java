package dev.simdnn.core.internal.gemm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How the parts of one GEMM share the packed panels of B ({@link GemmDriver#runShared}). Panels are numbered q = 0,
 * 1, ... within the call. For each, the parts take groups of micro-panels to pack, then blocks of rows to compute,
 * one at a time from shared counters, until none is left. Nobody waits for a part that has not arrived: a part that
 * starts late (a worker being woken) finds the panel packed and takes the blocks still left. The only waits are for
 * the last group of a panel to be packed, and, before a panel is packed over, for every part to be done with the one
 * before.
 *
 * <p>Taking blocks in turn instead of a fixed half each matters on shared machines: on the 2-vCPU Zen 3 of
 * 2026-12-01 the two halves of one 2048³ SGEMM took 124–263 ms each, independently of each other, and a call
 * waited for the slower. Which thread computes which rows does not change the bits: every C element is summed
 * in the same order whatever the row blocking (see {@link Blocking}).
 *
 * <p>The counters only grow within a call: a panel owns the counts from {@code first}, the total of the panels
 * before it (which every part computes alike), to {@code first + count}; so nothing is reset between panels. One
 * instance per {@link GemmCall}, reset per call: no allocation in steady state.
 */
final class SharedPanelSchedule {
    /** Spin this long before sleeping in short naps: the awaited work is usually microseconds away. */
    private static final long SPIN_NANOS = 50_000;
    private static final long NAP_NANOS = 20_000;

    private final AtomicInteger groupsTaken = new AtomicInteger();
    private final AtomicInteger groupsPacked = new AtomicInteger();
    private final AtomicInteger blocksTaken = new AtomicInteger();
    private final AtomicInteger partsFinished = new AtomicInteger();
    private volatile Throwable failure;
    private int parties;

    /** Prepares a call of {@code parties} parts; only the calling thread, before the parts start. */
    void reset(int parties) {
        this.parties = parties;
        groupsTaken.set(0);
        groupsPacked.set(0);
        blocksTaken.set(0);
        partsFinished.set(0);
        failure = null;
    }

    /**
     * The next group of a panel's {@code groups} groups of micro-panels to pack, or -1 when all are taken;
     * {@code first} is the number of groups of the call's earlier panels.
     */
    int takeGroup(int first, int groups) {
        return take(groupsTaken, first, groups);
    }

    /** Reports one group packed ({@link #takeGroup}). */
    void groupPacked() {
        groupsPacked.incrementAndGet();
    }

    /** Waits until the panel's groups ({@link #takeGroup} with the same arguments) are all packed. */
    void awaitPacked(int first, int groups) {
        await(groupsPacked, first + groups);
    }

    /** The next block of rows of panel {@code q} (of {@code blocks} per panel), or -1 when all are taken. */
    int takeBlock(int q, int blocks) {
        return take(blocksTaken, q * blocks, blocks);
    }

    /** Reports that the calling part will read panel {@code q} no more (it found no block left). */
    void finished() {
        partsFinished.incrementAndGet();
    }

    /** Waits until every part is done with panel {@code q}, so that it may be packed over. */
    void awaitFinished(int q) {
        await(partsFinished, (q + 1) * parties);
    }

    /**
     * Releases every waiting part with an exception that carries {@code cause}: a part failed and will never report.
     * (The cause rides along because the caller rethrows its own exception first, which may be the release.)
     */
    void abort(Throwable cause) {
        failure = cause;
    }

    /** The panel's next index in [0, count), or -1; never takes a count that belongs to the next panel. */
    private static int take(AtomicInteger counter, int first, int count) {
        int limit = first + count;
        for (int v = counter.get(); v < limit; v = counter.get()) {
            if (counter.compareAndSet(v, v + 1)) {
                return v - first;
            }
        }
        return -1;
    }

    private void await(AtomicInteger counter, int target) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (counter.get() < target) {
            Throwable cause = failure;
            if (cause != null) {
                throw new IllegalStateException("another part of this GEMM failed", cause);
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, NAP_NANOS);
            }
        }
    }
}
