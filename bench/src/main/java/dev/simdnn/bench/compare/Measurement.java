package dev.simdnn.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result, normalised so that a larger {@link #speed} is better: throughput as is, time modes inverted;
 * sample-time results use the median. {@code error} is two standard errors of the iteration scores (about a 95 %
 * interval) on the same scale, from JMH's raw data; JMH's own 99.9 % interval with 3 iterations is ±30 standard
 * deviations wide and would hide any regression. Without raw data (sample-time), JMH's error is used.
 *
 * @param benchmark the benchmark method, package prefix removed ({@code train.TrainStepBench.step})
 * @param params    the @Param values
 * @param mode      JMH's mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param score     JMH's primary score (p50 for sample time)
 * @param unit      its unit
 * @param speed     higher-is-better figure
 * @param error     speed's error half-width
 */
record Measurement(String benchmark, Map<String, String> params, String mode, double score, String unit,
                   double speed, double error) {
    private static final String PREFIX = "dev.simdnn.bench.";

    /** The measurements of a JMH JSON file's content. */
    @SuppressWarnings("unchecked")
    static List<Measurement> read(String json) {
        List<Measurement> list = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = (String) r.get("benchmark");
            if (name.startsWith(PREFIX)) {
                name = name.substring(PREFIX.length());
            }
            Map<String, String> params = new TreeMap<>();
            Object p = r.get("params");
            if (p instanceof Map<?, ?> m) {
                m.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
            }
            String mode = (String) r.get("mode");
            Map<String, Object> metric = (Map<String, Object>) r.get("primaryMetric");
            double mean = Json.number(metric.get("score")), err = Json.number(metric.get("scoreError"));
            double score = mean;
            if (mode.equals("sample") && metric.get("scorePercentiles") instanceof Map<?, ?> pct) {
                score = Json.number(pct.get("50.0"));
            }
            double spread = standardErrors(metric.get("rawData"));
            if (Double.isFinite(spread)) {
                err = spread;
            }
            double relErr = mean > 0 && Double.isFinite(err) ? err / mean : 0;
            boolean throughput = mode.equals("thrpt");
            double speed = throughput ? score : 1 / score;
            list.add(new Measurement(name, params, mode, score, (String) metric.get("scoreUnit"), speed,
                    relErr * speed));
        }
        return list;
    }

    /** 2·s/√n over all forks' iteration scores, or NaN with fewer than two. */
    private static double standardErrors(Object raw) {
        if (!(raw instanceof List<?> forks)) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>();
        for (Object fork : forks) {
            if (fork instanceof List<?> iterations) {
                for (Object x : iterations) {
                    v.add(Json.number(x));
                }
            }
        }
        if (v.size() < 2) {
            return Double.NaN;
        }
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(0), ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return 2 * Math.sqrt(ss / (v.size() - 1) / v.size());
    }

    /** Class and method: {@code train.TrainStepBench} and {@code step}. */
    String className() {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Params without {@code backend}. */
    Map<String, String> paramsWithoutBackend() {
        Map<String, String> m = new TreeMap<>(params);
        m.remove("backend");
        return m;
    }

    /** {@code train.TrainStepBench.step batch=32 threads=1}. */
    String label() {
        StringBuilder sb = new StringBuilder(benchmark);
        params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
