package dev.simdnn.optim.cli;

import dev.simdnn.optim.train.EpochResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The per-epoch figures as a CSV file and as an SVG chart (loss on the left, accuracy on the right). */
final class TrainingLog {
    private TrainingLog() {}

    static void writeCsv(Path file, List<EpochResult> epochs) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
                + "learning_rate,seconds,samples_per_second\n");
        for (EpochResult r : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.4f,%.1f%n", r.epoch(), r.trainLoss(),
                    r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.learningRate(), r.seconds(),
                    r.samplesPerSecond()));
        }
        write(file, sb.toString());
    }

    /** Two panels, 460 x 320 each: loss (train, validation) and accuracy (train, validation) against the epoch. */
    static void writeSvg(Path file, List<EpochResult> epochs, String title) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"380\" font-family=\"sans-serif\" "
                + "font-size=\"12\">\n<rect width=\"960\" height=\"380\" fill=\"white\"/>\n");
        sb.append("<text x=\"480\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">").append(escape(title))
                .append("</text>\n");
        panel(sb, 40, "loss", epochs, EpochResult::trainLoss, EpochResult::validationLoss, false);
        panel(sb, 520, "accuracy", epochs, EpochResult::trainAccuracy, EpochResult::validationAccuracy, true);
        sb.append("</svg>\n");
        write(file, sb.toString());
    }

    private static void panel(StringBuilder sb, int x0, String name, List<EpochResult> epochs,
                              java.util.function.ToDoubleFunction<EpochResult> train,
                              java.util.function.ToDoubleFunction<EpochResult> validation, boolean unitRange) {
        int y0 = 40, w = 420, h = 290;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (EpochResult r : epochs) {
            for (double v : new double[] {train.applyAsDouble(r), validation.applyAsDouble(r)}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        if (unitRange) {
            hi = Math.min(1, hi + 0.02);
        } else {
            lo = Math.max(0, lo - 0.05 * (hi - lo));
        }
        int last = Math.max(2, epochs.size());
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", x0, y0, w, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                x0 + w / 2, y0 - 6, name));
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            int y = (int) Math.round(y0 + h - (double) h * t / 4);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"10\">%.3g</text>%n", x0, y, x0 + w, y,
                    x0 - 3, y + 3, v));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">epoch "
                + "(1..%d)</text>%n", x0 + w / 2, y0 + h + 16, epochs.size()));
        polyline(sb, epochs, train, x0, y0, w, h, lo, hi, last, "#1f77b4", "train");
        polyline(sb, epochs, validation, x0, y0, w, h, lo, hi, last, "#d62728", "validation");
    }

    private static void polyline(StringBuilder sb, List<EpochResult> epochs,
                                 java.util.function.ToDoubleFunction<EpochResult> f, int x0, int y0, int w, int h,
                                 double lo, double hi, int last, String colour, String label) {
        StringBuilder points = new StringBuilder();
        for (EpochResult r : epochs) {
            double v = f.applyAsDouble(r);
            if (Double.isFinite(v)) {
                double x = x0 + (double) w * (r.epoch() - 1) / (last - 1);
                double y = y0 + h - h * (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
        }
        if (!points.isEmpty()) {
            int ly = y0 + 14 + ("train".equals(label) ? 0 : 14);
            sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n<text x=\"%d\" y=\"%d\" fill=\"%s\" text-anchor=\"end\">%s</text>%n",
                    points.toString().trim(), colour, x0 + w - 6, ly, colour, label));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
    }
}
