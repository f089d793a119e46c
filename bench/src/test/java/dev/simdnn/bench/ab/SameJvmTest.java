package dev.simdnn.bench.ab;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameJvmTest {
    /** The test classes, where RecordingTask lives: each side loads it by its own class loader. */
    private static final String CLASSES = Path.of("target", "test-classes").toAbsolutePath().toString();

    @Test
    void sidesTakeTurnsInAlternatingOrderWithTheirOwnProperties() throws Exception {
        List<String> turns = Collections.synchronizedList(new ArrayList<>());
        String out = runRecording(turns, "simdnn.test.side=B", "4,8", 2);
        // rounds x batches x sides; the order flips with (round + batch index): A B, B A, B A, A B
        assertEquals(List.of("A", "B", "B", "A", "B", "A", "A", "B"), turns);
        assertNull(System.getProperty("simdnn.test.side"), "a side's properties are removed after its set-up");
        assertTrue(out.contains("batch    4  A") && out.contains("batch    8  A"), out);
        assertTrue(out.contains("A/B 1.000  (median of the rounds' A/B 1.000)"),
                "both report one nanosecond per step: " + out);
    }

    /** Best turns hide a side that is slower most of the time; the median of the rounds' pairs shows it. */
    @Test
    void theMedianOfPairsShowsWhatTheBestTurnsHide() throws Exception {
        String out = runRecording(Collections.synchronizedList(new ArrayList<>()),
                "simdnn.test.side=B,simdnn.test.slowAfterFirst=true", "4", 5);
        assertTrue(out.contains("A/B 1.000  (median of the rounds' A/B 3.000)"), out);
    }

    /** Side A and side B (with {@code bProperties}) as {@link RecordingTask}s, no warm-up; returns the output. */
    private static String runRecording(List<String> turns, String bProperties, String batches, int rounds)
            throws Exception {
        System.getProperties().put(RecordingTask.LOG, turns);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            SameJvm.run(new String[] {"--a", CLASSES, RecordingTask.class.getName(), "simdnn.test.side=A",
                    "--b", CLASSES, RecordingTask.class.getName(), bProperties,
                    "--batches", batches, "--rounds", Integer.toString(rounds), "--warmup-seconds", "0"},
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        } finally {
            System.getProperties().remove(RecordingTask.LOG);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingSideIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SameJvm.run(new String[] {"--a", CLASSES, RecordingTask.class.getName()}, System.out));
    }
}
