package dev.simdnn.optim.schedule;

import org.junit.jupiter.api.Test;

import static dev.simdnn.optim.schedule.Schedule.Unit.EPOCH;
import static dev.simdnn.optim.schedule.Schedule.Unit.ITERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each schedule against its closed form at chosen points (1e-15 relative: the same double expression). */
class ScheduleTest {
    private static void at(Schedule s, long t, double expected) {
        assertEquals(expected, s.rate(t), 1e-15 * Math.max(1, Math.abs(expected)), "t=" + t);
    }

    @Test
    void closedForms() {
        at(Schedule.constant(0.1, EPOCH), 57, 0.1);
        Schedule exp = Schedule.exponential(0.1, 0.5, ITERATION);
        at(exp, 0, 0.1);
        at(exp, 4, 0.1 * Math.exp(-2));
        Schedule inv = Schedule.inverse(0.1, 0.5, EPOCH);
        at(inv, 0, 0.1);
        at(inv, 6, 0.1 / 4);
        Schedule sq = Schedule.inverseSquare(1, EPOCH);
        at(sq, 0, 1);
        at(sq, 3, 1.0 / 16);
        Schedule lin = Schedule.linearThenConstant(0.1, 0.001, 100, ITERATION);
        at(lin, 0, 0.1);
        at(lin, 50, 0.5 * 0.1 + 0.5 * 0.001);
        at(lin, 100, 0.001);
        at(lin, 1000, 0.001);
        Schedule step = Schedule.step(1, 30, 0.1, EPOCH);
        at(step, 29, 1);
        at(step, 30, 0.1);
        at(step, 65, 0.01 * (1 + 1e-15) / (1 + 1e-15));
        Schedule cos = Schedule.cosine(0.1, 0.01, 10, EPOCH);
        at(cos, 0, 0.1);
        at(cos, 5, 0.01 + 0.5 * 0.09);
        at(cos, 10, 0.01);
        at(cos, 11, 0.01);
        assertEquals(ITERATION, exp.unit());
        assertEquals(EPOCH, cos.unit());
    }

    @Test
    void warmupRampsLinearlyThenHandsOver() {
        Schedule s = Schedule.exponential(0.1, 0.1, ITERATION).withWarmup(4);
        at(s, 0, 0.025);
        at(s, 1, 0.05);
        at(s, 3, 0.1);
        at(s, 4, 0.1);
        at(s, 14, 0.1 * Math.exp(-1));
        assertEquals(ITERATION, s.unit());
    }

    @Test
    void reduceOnPlateauWaitsForPatienceThenCoolsDown() {
        ReduceOnPlateau r = new ReduceOnPlateau(1, true, 0.5, 2, 0.0, 1, 0.1);
        assertEquals(1, r.observe(10));
        assertEquals(1, r.observe(9));          // better
        assertEquals(1, r.observe(9));          // bad 1
        assertEquals(1, r.observe(9));          // bad 2
        assertEquals(0.5, r.observe(9));        // bad 3 > patience: reduce, cooldown 1
        assertEquals(0.5, r.observe(9));        // in cooldown
        assertEquals(0.5, r.observe(9));
        assertEquals(0.5, r.observe(9));
        assertEquals(0.25, r.observe(9));
        for (int i = 0; i < 20; i++) {
            r.observe(9);
        }
        assertEquals(0.1, r.rate(), "never below the minimum");
        ReduceOnPlateau accuracy = new ReduceOnPlateau(1, false, 0.1, 0, 0.0, 0, 0);
        assertEquals(1, accuracy.observe(0.5));
        assertEquals(1, accuracy.observe(0.6));
        assertEquals(0.1, accuracy.observe(0.6), 1e-15);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.exponential(-1, 0.1, EPOCH));
        assertEquals("Invalid initial learning rate: -1.0 (must be finite and >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0.1, null));
        assertEquals("unit must not be null: say whether t counts epochs or iterations", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0.1, EPOCH).rate(-1));
        assertEquals("t must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReduceOnPlateau(1, true, 1.5, 1, 0, 0, 0));
        assertEquals("Invalid factor: 1.5 (must be in (0, 1))", e.getMessage());
    }
}
