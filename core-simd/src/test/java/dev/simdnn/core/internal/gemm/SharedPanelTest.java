package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.FreshJvm;
import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts of a GEMM that share packed panels of B ({@link GemmDriver#runShared}): the schedule they meet at
 * ({@link RowBlockSchedule}), and the products themselves across many panels ({@link SmallBlocksProbe}).
 */
class SharedPanelTest {
    @Test
    void everyBlockIsTakenOnceBetweenBarriersAndTheCountRestartsAtEachBarrier() throws Exception {
        int parties = 3, rounds = 50, blocks = 7;
        RowBlockSchedule schedule = new RowBlockSchedule();
        schedule.reset(parties);
        List<ConcurrentHashMap<Integer, Integer>> taken = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            taken.add(new ConcurrentHashMap<>());
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int part = 0; part < parties; part++) {
            parts.add(CompletableFuture.runAsync(() -> {
                for (int r = 0; r < rounds; r++) {
                    schedule.await();
                    for (int blk = schedule.takeBlock(); blk < blocks; blk = schedule.takeBlock()) {
                        taken.get(r).merge(blk, 1, Integer::sum);
                    }
                }
            }, runnable -> new Thread(runnable).start()));
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int r = 0; r < rounds; r++) {
            assertEquals(blocks, taken.get(r).size(), "round " + r + ": " + taken.get(r));
            for (int count : taken.get(r).values()) {
                assertEquals(1, count, "round " + r + ": a block taken twice: " + taken.get(r));
            }
        }
    }

    @Test
    void aFailedPartReleasesTheOthersWithAnException() throws Exception {
        RowBlockSchedule schedule = new RowBlockSchedule();
        schedule.reset(2);
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(schedule::await,
                runnable -> new Thread(runnable).start());
        Thread.sleep(100);                     // the waiter is at the barrier, its partner never comes
        schedule.abort();
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> waiter.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("another part"), e.getCause().getMessage());
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
