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
}
