package dev.simdnn.core.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of daemon threads that run the parts of one task at a time; the calling thread runs part 0.
 * Created lazily, grown only when a call asks for more parts than it has workers, never shrunk. Dispatch
 * allocates nothing: the task object is the caller's, workers are woken by {@link LockSupport#unpark}.
 *
 * <p>One task at a time: a caller that finds the pool busy (another thread's GEMM) gets {@code false} from
 * {@link #tryInvoke} and runs the work itself, which gives the same result (callers split work so that the
 * result does not depend on the number of parts).
 */
public final class WorkerPool {
    /** A task split into parts; {@code run(part)} for part in [0, parts) may run on any thread. */
    public interface Task {
        void run(int part);
    }

    /** How long a worker spins for the next task before parking: back-to-back GEMMs skip the wake-up. */
    private static final long SPIN_NANOS = 50_000;

    private static final WorkerPool SHARED = new WorkerPool();

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Worker[] workers = new Worker[0];
    private volatile Thread caller;
    private volatile Throwable failure;

    private WorkerPool() {}

    /** The process-wide pool. */
    public static WorkerPool shared() {
        return SHARED;
    }

    /**
     * Runs {@code task} in {@code parts} parts (caller: part 0) and returns once all are done, rethrowing the
     * first failure. Returns {@code false} without running anything if the pool is busy.
     */
    public boolean tryInvoke(Task task, int parts) {
        // A part that itself asks for the pool (the lock is re-entrant) must not reset the running invocation.
        if (lock.isHeldByCurrentThread() || !lock.tryLock()) {
            return false;
        }
        try {
            Worker[] ws = ensureWorkers(parts - 1);
            failure = null;
            caller = Thread.currentThread();
            pending.set(parts - 1);
            for (int i = 1; i < parts; i++) {
                ws[i - 1].assign(task, i);
            }
            Throwable mine = null;
            try {
                task.run(0);
            } catch (Throwable t) {
                mine = t;
            }
            awaitWorkers();
            Throwable theirs = failure;
            failure = null;
            if (mine != null || theirs != null) {
                Throwable first = mine != null ? mine : theirs;
                if (first instanceof RuntimeException re) {
                    throw re;
                }
                if (first instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(first);
            }
            return true;
        } finally {
            caller = null;
            lock.unlock();
        }
    }

    private void awaitWorkers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() != 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private Worker[] ensureWorkers(int count) {
        Worker[] ws = workers;
        if (ws.length >= count) {
            return ws;
        }
        Worker[] grown = java.util.Arrays.copyOf(ws, count);
        for (int i = ws.length; i < count; i++) {
            grown[i] = new Worker(i + 1);
        }
        workers = grown;
        return grown;
    }

    private final class Worker extends Thread {
        private volatile Task task;
        private int part;

        Worker(int index) {
            super("simdnn-worker-" + index);
            setDaemon(true);
            start();
        }

        void assign(Task t, int p) {
            part = p;
            task = t;             // volatile write publishes part
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Task t = awaitTask();
                task = null;
                try {
                    t.run(part);
                } catch (Throwable e) {
                    failure = e;
                }
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }

        private Task awaitTask() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Task t;
            while ((t = task) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return t;
        }
    }
}
