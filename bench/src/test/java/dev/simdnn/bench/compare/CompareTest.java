package dev.simdnn.bench.compare;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {
    /** A JMH-like JSON entry. */
    static String entry(String benchmark, String mode, String params, double score, double error, String unit) {
        return String.format(Locale.ROOT, "{\"jmhVersion\":\"1.37\",\"benchmark\":\"dev.simdnn.bench.%s\",\"mode\":\"%s\","
                + "\"threads\":1,\"params\":{%s},\"primaryMetric\":{\"score\":%s,\"scoreError\":%s,"
                + "\"scorePercentiles\":{\"50.0\":%s,\"99.0\":%s},\"scoreUnit\":\"%s\","
                + "\"rawData\":[[%s,%s,%s]]}}",
                benchmark, mode, params, score, Double.isNaN(error) ? "\"NaN\"" : String.valueOf(error), score,
                score * 1.5, unit, score - error, score, score + error);
    }

    /** A run: GEMM vector/scalar (param twins), GEMM vs OpenBLAS (peer), train step vector/scalar (class twins). */
    static String run(double gemm, double scalar, double openBlas, double train, double trainScalar, double p50,
                      double p50Scalar, double noise) {
        List<String> e = new ArrayList<>();
        e.add(entry("gemm.SgemmBench.sgemm", "thrpt", "\"shape\":\"512x512x512:NN\",\"threads\":\"1\","
                + "\"backend\":\"PANAMA\"", gemm, gemm * noise, "ops/s"));
        e.add(entry("gemm.SgemmBench.sgemm", "thrpt", "\"shape\":\"512x512x512:NN\",\"threads\":\"1\","
                + "\"backend\":\"SCALAR\"", scalar, scalar * noise, "ops/s"));
        e.add(entry("gemm.OpenBlasSgemmBench.sgemm", "thrpt", "\"shape\":\"512x512x512:NN\",\"threads\":\"1\"",
                openBlas, openBlas * noise, "ops/s"));
        e.add(entry("train.TrainStepBench.step", "thrpt", "\"batch\":\"128\",\"threads\":\"1\"", train,
                train * noise, "ops/s"));
        e.add(entry("train.TrainStepScalarBench.step", "thrpt", "\"batch\":\"128\",\"threads\":\"1\"", trainScalar,
                trainScalar * noise, "ops/s"));
        e.add(entry("train.InferenceBench.predict", "sample", "\"threads\":\"1\"", p50, p50 * noise, "us/op"));
        e.add(entry("train.InferenceScalarBench.predict", "sample", "\"threads\":\"1\"", p50Scalar,
                p50Scalar * noise, "us/op"));
        return "[" + String.join(",\n", e) + "]";
    }

    static final String BASELINE = run(200, 10, 210, 50, 8, 60, 400, 0.02);

    static int gate(String now, StringBuilder output) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Compare.run(Measurement.read(BASELINE), Measurement.read(now), Compare.DEFAULT_THRESHOLD,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output.append(bytes.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void findsEveryKindOfRatio() {
        var ratios = Compare.ratios(Measurement.read(BASELINE));
        assertEquals(4, ratios.size(), ratios.keySet().toString());
        assertEquals(20, ratios.get("gemm.SgemmBench.sgemm shape=512x512x512:NN threads=1  vector/scalar").value(),
                1e-12);
        assertEquals(200 / 210.0, ratios.get("gemm.SgemmBench.sgemm shape=512x512x512:NN threads=1  "
                + "simdnn/OpenBlasSgemmBench").value(), 1e-12);
        assertEquals(50 / 8.0, ratios.get("train.TrainStepBench.step batch=128 threads=1  vector/scalar").value(),
                1e-12);
        assertEquals(400 / 60.0, ratios.get("train.InferenceBench.predict threads=1  vector/scalar").value(), 1e-12,
                "latency: lower is better, inverted");
    }

    /** The whole machine 30 % slower, plus ±5 % noise on each score: ratios hold, the gate passes. */
    @Test
    void passesOnNoiseAndOnAUniformlySlowerMachine() {
        StringBuilder out = new StringBuilder();
        int code = gate(run(200 * 0.7 * 1.05, 10 * 0.7 * 0.95, 210 * 0.7, 50 * 0.7 * 0.96, 8 * 0.7 * 1.04,
                60 / 0.7 * 1.05, 400 / 0.7, 0.03), out);
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("no regression"));
    }

    /** The training step's Vector path drops to half against its scalar twin in the same run: a regression. */
    @Test
    void failsOnASyntheticRegression() {
        StringBuilder out = new StringBuilder();
        int code = gate(run(200, 10, 210, 25, 8, 60, 400, 0.02), out);
        assertEquals(1, code, out.toString());
        assertTrue(out.toString().contains("train.TrainStepBench.step batch=128 threads=1  vector/scalar")
                && out.toString().contains("REGRESSION"), out.toString());
        assertTrue(out.toString().contains("1 regression"));
    }

    /** A big drop inside huge error bars is not called a regression: noise cannot fail the gate. */
    @Test
    void aDropWithinTheErrorBarsIsNotARegression() {
        StringBuilder out = new StringBuilder();
        int code = gate(run(200, 10, 210, 32, 8, 60, 400, 0.6), out);
        assertEquals(0, code, out.toString());
    }

    @Test
    void badArgumentsExitWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, Compare.main(new String[0], System.out, e));
        assertEquals(2, Compare.main(new String[] {"a.json", "b.json", "--threshold", "7"}, System.out, e));
        assertEquals(2, Compare.main(new String[] {"/nonexistent/new.json", "/nonexistent/base.json"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threshold must be in (0, 1)"));
    }
}
