package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.FreshJvm;
import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts of a GEMM that share packed panels of B ({@link GemmDriver#runShared}): the schedule they meet at
 * ({@link SharedPanelSchedule}), and the products themselves across many panels ({@link SmallBlocksProbe}).
 */
class SharedPanelTest {
    /**
     * Three parts, one of them starting late, go through 30 panels of 1 to 5 groups: every group and every block of
     * each panel is taken exactly once, blocks only once the whole panel is packed, and a panel is packed over only
     * once every part is done with the one before.
     */
    @Test
    void everyGroupAndBlockIsTakenOnceAndInOrder() throws Exception {
        int parties = 3, panels = 30, blocks = 7;
        int[] groups = new int[panels];
        for (int q = 0; q < panels; q++) {
            groups[q] = 1 + q % 5;                  // the last panel of a row of B has fewer micro-panels
        }
        SharedPanelSchedule schedule = new SharedPanelSchedule();
        schedule.reset(parties);
        AtomicIntegerArray packed = new AtomicIntegerArray(panels), computed = new AtomicIntegerArray(panels);
        AtomicIntegerArray done = new AtomicIntegerArray(panels);
        List<String> errors = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int part = 0; part < parties; part++) {
            int me = part;
            parts.add(CompletableFuture.runAsync(() -> {
                if (me == 2) {
                    LockSupport.parkNanos(20_000_000);          // a worker woken late
                }
                for (int q = 0, first = 0; q < panels; first += groups[q], q++) {
                    if (q > 0) {
                        schedule.awaitFinished(q - 1);
                        if (done.get(q - 1) != parties) {
                            errors.add("panel " + q + " packed while panel " + (q - 1) + " was still read");
                        }
                    }
                    for (int g = schedule.takeGroup(first, groups[q]); g >= 0;
                         g = schedule.takeGroup(first, groups[q])) {
                        packed.incrementAndGet(q);
                        schedule.groupPacked();
                    }
                    schedule.awaitPacked(first, groups[q]);
                    for (int b = schedule.takeBlock(q, blocks); b >= 0; b = schedule.takeBlock(q, blocks)) {
                        if (packed.get(q) != groups[q]) {
                            errors.add("block " + b + " of panel " + q + " taken before the panel was packed");
                        }
                        computed.incrementAndGet(q);
                    }
                    done.incrementAndGet(q);
                    schedule.finished();
                }
            }, runnable -> new Thread(runnable).start()));
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), errors);
        for (int q = 0; q < panels; q++) {
            assertEquals(groups[q], packed.get(q), "groups packed of panel " + q);
            assertEquals(blocks, computed.get(q), "blocks computed of panel " + q);
        }
    }

    @Test
    void aFailedPartReleasesTheOthersWithAnException() throws Exception {
        SharedPanelSchedule schedule = new SharedPanelSchedule();
        schedule.reset(2);
        assertEquals(0, schedule.takeGroup(0, 2));      // this part takes a group and fails before packing it
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            assertEquals(1, schedule.takeGroup(0, 2));
            schedule.groupPacked();
            schedule.awaitPacked(0, 2);
        }, runnable -> new Thread(runnable).start());
        Thread.sleep(100);                              // the waiter waits for the group that never comes
        OutOfMemoryError cause = new OutOfMemoryError("packing buffer");
        schedule.abort(cause);
        var e = assertThrows(ExecutionException.class, () -> waiter.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("another part"), e.getCause().getMessage());
        assertSame(cause, e.getCause().getCause(), "the failed part's exception rides along");
    }

    /**
     * Tiny blocks in a fresh JVM (the block sizes are read once per JVM): SGEMM and DGEMM products of a few hundred
     * rows cross 2–4 panels of B in N and 2–5 in K, in all four transpose forms. Each must give the same bits on 1,
     * 2 and 3 threads and on both twins, with and without a fused bias + ReLU, stay within the reference bound and
     * leave C's border alone.
     */
    @Test
    void productsOverManyPanelsAreTheSameBitsOnAnyThreadCount() throws Exception {
        List<String> args = new ArrayList<>(List.of("-Dsimdnn.sgemm.kc=40", "-Dsimdnn.sgemm.mc=40",
                "-Dsimdnn.sgemm.nc=64", "-Dsimdnn.dgemm.kc=24", "-Dsimdnn.dgemm.mc=40", "-Dsimdnn.dgemm.nc=64"));
        if (KernelProviders.panamaAvailable()) {
            args.addAll(List.of("--add-modules", "jdk.incubator.vector", "-Dsimdnn.requireBackend=panama"));
        }
        FreshJvm.Result run = FreshJvm.run(args, SmallBlocksProbe.class);
        String output = run.output();
        assertEquals(0, run.exitCode(), output);
        assertTrue(output.contains("kc=40, mc=40, nc=64"), output);
        assertTrue(output.contains("shared panels: 12 of 12"), output);
    }
}
