package dev.simdnn.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnByTurnTest {
    @Test
    void runsEverySideCallsTimesPerRoundInTurn() {
        List<String> log = new ArrayList<>();
        double[] best = TurnByTurn.bestNanosPerCall(3, 2, () -> log.add("a"), () -> log.add("b"));
        assertEquals(List.of("a", "a", "b", "b", "a", "a", "b", "b", "a", "a", "b", "b"), log);
        assertEquals(2, best.length);
        for (double ns : best) {
            assertTrue(ns >= 0 && ns < Double.POSITIVE_INFINITY, "best time " + ns);
        }
    }

    @Test
    void warmUpRunsTheSidesInTurnUntilItsTimeHasPassed() {
        List<String> log = new ArrayList<>();
        long start = System.nanoTime();
        TurnByTurn.warmUp(20_000_000L, () -> log.add("a"), () -> log.add("b"));
        assertTrue(System.nanoTime() - start >= 20_000_000L, "returned before its time");
        assertTrue(log.size() >= 2 && log.size() % 2 == 0, "whole rounds: " + log.size());
        for (int i = 0; i < log.size(); i++) {
            assertEquals(i % 2 == 0 ? "a" : "b", log.get(i), "turn " + i);
        }
    }
}
